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
 * instead of the scenario's text: text chunk `index` of an answer of N chunks (the scenario's `chunks`) becomes
 * piece `index` of that JSON split into N pieces. Everything else (opening and closing events, usage, errors)
 * stays the wire's own, and requests without the prompt get the scenario's text as usual.
 * @param wire The provider's wire.
 * @returns The wrapped wire.
 */
export function objectAnswerWire(wire: ProviderWire): ProviderWire {
  const answers = new Map<string, readonly string[]>();
  const piecesByPlan = new WeakMap<MockPlan, readonly string[] | null>();
  const piecesOf = (plan: MockPlan): readonly string[] | null => {
    let pieces = piecesByPlan.get(plan);
    if (pieces !== undefined) return pieces;
    const records = objectBenchRecordsOf(plan.requestBody);
    if (records === undefined) {
      pieces = null;
    } else {
      const key = `${records}/${plan.textChunks.length}`;
      pieces = answers.get(key) ?? splitIntoPieces(JSON.stringify(benchObject(records)), plan.textChunks.length);
      answers.set(key, pieces);
    }
    piecesByPlan.set(plan, pieces);
    return pieces;
  };
  return {
    ...wire,
    textEvents: (plan, text, index) => wire.textEvents(plan, piecesOf(plan)?.[index] ?? text, index),
  };
}
