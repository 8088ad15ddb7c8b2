// Fixtures of the runTools specs: tool-call parts, tools, and a scripted model that records each step's request.
import type {Llm, LlmChunk, LlmRequest, LlmTool, LlmToolCallEnd} from 'llm-rx';
import {llmFromObservable, usagePart} from 'llm-rx/testing';
import type {Observable} from 'rxjs';

/**
 * A finished tool call, as a provider stream emits it.
 * @param toolCallId The call's id.
 * @param toolName The tool.
 * @param input The validated input; its JSON is the argument text.
 * @returns The `tool-call-end` part.
 */
export function callEnd(toolCallId: string, toolName: string, input: unknown): LlmToolCallEnd {
  return {type: 'tool-call-end', toolCallId, toolName, input, argumentsText: JSON.stringify(input)};
}

/** A text part. */
export const text = (value: string): LlmChunk => ({type: 'text-delta', text: value});

/** A step's usage that asked for tools, with a cost. */
export const toolStepUsage = usagePart({
  inputTokens: 10,
  outputTokens: 4,
  inputCost: 0.001,
  outputCost: 0.002,
  totalCost: 0.003,
  finishReason: {unified: 'tool-calls', raw: 'tool_calls'},
});

/** A step's usage that answered in text, with a cost. */
export const answerStepUsage = usagePart({
  inputTokens: 20,
  outputTokens: 6,
  inputCost: 0.002,
  outputCost: 0.003,
  totalCost: 0.005,
});

/** A tool with a JSON Schema input. */
export function tool(name: string, execute?: LlmTool['execute']): LlmTool {
  return {
    name,
    inputSchema: {type: 'object', properties: {city: {type: 'string'}}},
    ...(execute && {execute}),
  };
}

/**
 * A model whose answer depends on the step: `steps[n]` serves step n (the last one serves every later step).
 * @param steps The streams, one per step.
 * @returns The model and the requests it was sent.
 */
export function scriptedModel(steps: readonly Observable<LlmChunk>[]): {llm: Llm; requests: LlmRequest[]} {
  const requests: LlmRequest[] = [];
  const llm = llmFromObservable('mock-provider', 'mock-model', request => {
    requests.push(request);
    const step = request.toolLoop?.step ?? 0;
    return steps[Math.min(step, steps.length - 1)];
  });
  return {llm, requests};
}
