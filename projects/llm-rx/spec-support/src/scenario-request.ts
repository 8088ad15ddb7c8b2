// Requests that script the mock provider server, each with a tag of its own to find its records by.
import type {LlmRequest} from 'llm-rx';
import {MOCK_SCENARIO_HEADER, mockScenario, type MockScenario} from '@llm-rx/mock-providers';

let sequence = 0;

/**
 * A tag no other spec uses.
 * @param label The target's label.
 * @param name What the spec checks.
 * @returns The tag.
 */
export function uniqueTag(label: string, name: string): string {
  return `${label}-${name}-${Date.now().toString(36)}-${sequence++}`;
}

/**
 * A request whose scenario header makes the mock server play `scenario`.
 * @param scenario The scenario, with its tag.
 * @param request More request fields; without `messages` or `userPrompt`, the user prompt is `Say hello.`.
 * @returns The request.
 */
export function scenarioRequest(scenario: MockScenario, request: Partial<LlmRequest> = {}): LlmRequest {
  return {
    // Never beside messages: a request takes one or the other.
    ...(request.messages === undefined && {userPrompt: 'Say hello.'}),
    ...request,
    headers: {...request.headers, [MOCK_SCENARIO_HEADER]: mockScenario(scenario)},
  } as LlmRequest;
}
