import type {MockPlan, ProviderWire} from '../../projects/mock-providers/src/wire/provider-wire';
import {benchObject, splitIntoPieces} from './object-fixture';

/**
 * The prompt that asks the bench's mock server for the bench object of `records` items; the server reads the
 * count back from the request body, so the answer (too big for a scenario header) never travels in a request.
 * @param records How many items the answer's object holds.
 * @returns The user prompt.
 */
export function objectBenchPrompt(records: number): string {
  return `Stream the bench catalogue of ${records} items as JSON.`;
}

const PROMPT_PATTERN = /bench catalogue of (\d+) items/;

/**
 * The item count a request asks for with {@link objectBenchPrompt}, read anywhere in its body.
 * @param body The parsed request body.
 * @returns The count, or `undefined` when the body carries no such prompt.
 */
export function objectBenchRecordsOf(body: unknown): number | undefined {
  const match = PROMPT_PATTERN.exec(JSON.stringify(body ?? null));
  return match ? Number(match[1]) : undefined;
}

/**
 * Wraps a wire so that an answer asked for with {@link objectBenchPrompt} streams the JSON of the bench object
 * instead of the scenario's text: an answer of N text chunks (the scenario's `chunks`) streams that JSON split into
 * N pieces. The wire is given a plan whose text chunks are those pieces, at every event (a wire may build its events
 * from the plan's whole text, as the Responses wire's `output_text.done` does); everything else (opening and
 * closing events, tool calls, usage, errors) stays the wire's own, and requests without the prompt, or answers
 * without text, get the wire's events for the plan as it is.
 * @param wire The provider's wire.
 * @returns The wrapped wire.
 */
export function objectAnswerWire(wire: ProviderWire): ProviderWire {
  const answers = new Map<string, readonly string[]>();
  const plans = new WeakMap<MockPlan, MockPlan>();
  const planOf = (plan: MockPlan): MockPlan => {
    let answered = plans.get(plan);
    if (answered !== undefined) return answered;
    const records = objectBenchRecordsOf(plan.requestBody);
    if (records === undefined || plan.textChunks.length === 0) {
      answered = plan;
    } else {
      const key = `${records}/${plan.textChunks.length}`;
      const pieces = answers.get(key) ?? splitIntoPieces(JSON.stringify(benchObject(records)), plan.textChunks.length);
      answers.set(key, pieces);
      answered = {...plan, textChunks: pieces};
    }
    plans.set(plan, answered);
    return answered;
  };
  const {toolCallStartEvents, toolCallDeltaEvents, toolCallEndEvents} = wire;
  return {
    ...wire,
    openingEvents: plan => wire.openingEvents(planOf(plan)),
    reasoningEvents: (plan, text, index) => wire.reasoningEvents(planOf(plan), text, index),
    textEvents: (plan, text, index) => {
      const answered = planOf(plan);
      return wire.textEvents(answered, answered.textChunks[index] ?? text, index);
    },
    ...(toolCallStartEvents && {
      toolCallStartEvents: (plan, call, index) => toolCallStartEvents(planOf(plan), call, index),
    }),
    ...(toolCallDeltaEvents && {
      toolCallDeltaEvents: (plan, call, text, index) => toolCallDeltaEvents(planOf(plan), call, text, index),
    }),
    ...(toolCallEndEvents && {
      toolCallEndEvents: (plan, call, index) => toolCallEndEvents(planOf(plan), call, index),
    }),
    closingEvents: plan => wire.closingEvents(planOf(plan)),
    midStreamErrorEvents: (plan, message) => wire.midStreamErrorEvents(planOf(plan), message),
  };
}
