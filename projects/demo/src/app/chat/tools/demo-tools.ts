import {llmJsonSchema, llmTool, type LlmTool} from 'llm-rx';
import {evaluateArithmetic} from './evaluate-arithmetic';
import {lookUpFacts} from './llm-rx-facts';

/** How long each simulated tool takes, as a real one's network call would: long enough to watch it run. */
export const SIMULATED_TOOL_LATENCY_MS = 800;

/** Options of `demoTools()`. */
export interface DemoToolOptions {
  /** Milliseconds each tool waits before answering; default `SIMULATED_TOOL_LATENCY_MS`. */
  readonly latencyMs?: number;
  /** The clock of `current_time`; default the real one. */
  readonly now?: () => Date;
}

/**
 * The chat's simulated tools, run in the page: a calculator (`+ - * /` and parentheses, parsed, never `eval`ed),
 * the current time in a time zone, and a lookup over a dozen facts about llm-rx. Each waits `latencyMs` first,
 * and stops waiting when its call is cancelled.
 * @param options The latency and the clock, for tests.
 * @returns The tools, for `LlmRequest.tools`.
 */
export function demoTools(options: DemoToolOptions = {}): LlmTool[] {
  const latencyMs = options.latencyMs ?? SIMULATED_TOOL_LATENCY_MS;
  const now = options.now ?? (() => new Date());
  const calculator = llmTool({
    name: 'calculator',
    description: 'Evaluates an arithmetic expression with numbers, + - * / and parentheses, e.g. "12*(3+4)".',
    inputSchema: llmJsonSchema<{expression: string}>({
      type: 'object',
      properties: {expression: {type: 'string', description: 'The expression, e.g. 12*(3+4).'}},
      required: ['expression'],
      additionalProperties: false,
    }),
    execute: async ({expression}, {signal}) => {
      await waitFor(latencyMs, signal);
      return evaluateArithmetic(expression);
    },
  });
  const clock = llmTool({
    name: 'current_time',
    description: 'The current date and time in an IANA time zone, e.g. "Europe/Paris" or "UTC".',
    inputSchema: llmJsonSchema<{timeZone: string}>({
      type: 'object',
      properties: {timeZone: {type: 'string', description: 'An IANA time zone, e.g. Asia/Tokyo.'}},
      required: ['timeZone'],
      additionalProperties: false,
    }),
    execute: async ({timeZone}, {signal}) => {
      await waitFor(latencyMs, signal);
      return formatTimeIn(now(), timeZone);
    },
  });
  const facts = llmTool({
    name: 'llm_rx_facts',
    description: 'Looks up facts about the llm-rx library (providers, streams, cascades, cost, tools, Angular, …).',
    inputSchema: llmJsonSchema<{query: string}>({
      type: 'object',
      properties: {query: {type: 'string', description: 'What to look up, in a few words.'}},
      required: ['query'],
      additionalProperties: false,
    }),
    execute: async ({query}, {signal}) => {
      await waitFor(latencyMs, signal);
      const found = lookUpFacts(query);
      return found.length > 0 ? found.map(fact => fact.fact).join(' ') : `No fact about "${query}".`;
    },
  });
  return [calculator, clock, facts];
}

/**
 * A date and time as people read it, in a time zone.
 * @param date The moment.
 * @param timeZone An IANA time zone.
 * @returns E.g. `Tuesday 3 June 2025 at 14:05:09 (Europe/Paris)` (Intl's punctuation varies a little by browser).
 * @throws RangeError for a time zone Intl does not know; the loop tells the model.
 */
export function formatTimeIn(date: Date, timeZone: string): string {
  const formatted = new Intl.DateTimeFormat('en-GB', {dateStyle: 'full', timeStyle: 'medium', timeZone}).format(date);
  return `${formatted} (${timeZone})`;
}

/** Resolves after `milliseconds`, or rejects with the signal's reason when it aborts first. */
function waitFor(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, {once: true});
  });
}
