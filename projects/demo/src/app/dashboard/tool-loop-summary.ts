import type {LlmMessageBody, LlmToolMessage} from 'llm-rx';
import type {LlmCallRecord, LlmCallStatus, LlmLoopStep} from 'llm-rx/logging';

/** A tool call of one step, with its result when the log has it. */
export interface ToolCallSummary {
  readonly toolCallId: string;
  readonly toolName: string;
  readonly input: unknown;
  /** The tool's result, from the next step's request (its `tool` message); absent when none was logged. */
  readonly result?: {readonly output: unknown; readonly isError: boolean};
}

/** One step of a tool loop, as the call details show it. */
export interface ToolLoopStepSummary {
  readonly step: number;
  readonly traceId: string;
  /** The provider and model of the step's last attempt (the one that answered, when the step succeeded). */
  readonly provider: string;
  readonly model: string;
  readonly status: LlmCallStatus;
  readonly attempts: number;
  /** Sums over the step's attempts (every attempt may be billed); `null` when none reported any. */
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly totalCost: number | null;
  readonly finishReason: string | null;
  /** How many tool calls the answer made, from its row; `null` when the step offered no tools. */
  readonly toolCallCount: number | null;
  /** The answer's tool calls, from its body; empty when bodies are not stored. */
  readonly toolCalls: readonly ToolCallSummary[];
}

/** A tool loop's steps and its totals. */
export interface ToolLoopSummary {
  readonly steps: readonly ToolLoopStepSummary[];
  readonly total: {
    readonly steps: number;
    readonly toolCalls: number;
    readonly inputTokens: number | null;
    readonly outputTokens: number | null;
    readonly totalCost: number | null;
  };
}

/**
 * What the call details show of a tool loop: each step's model, tokens, cost, finish reason and tool calls, each
 * call with its result (found in the next step's request by the call's id), and the loop's totals.
 * @param loop The loop's steps, by step (`LlmCallDetails.loop`).
 * @returns The steps and totals.
 */
export function toolLoopSummary(loop: readonly LlmLoopStep[]): ToolLoopSummary {
  const steps = loop.map((step, index) => stepSummary(step, loop[index + 1]));
  return {
    steps,
    total: {
      steps: steps.length,
      toolCalls: steps.reduce((sum, step) => sum + (step.toolCallCount ?? step.toolCalls.length), 0),
      inputTokens: knownSum(steps.map(step => step.inputTokens)),
      outputTokens: knownSum(steps.map(step => step.outputTokens)),
      totalCost: knownSum(steps.map(step => step.totalCost)),
    },
  };
}

function stepSummary(step: LlmLoopStep, next: LlmLoopStep | undefined): ToolLoopStepSummary {
  const last: LlmCallRecord | undefined = step.attempts.at(-1);
  const results = toolResults(next?.body?.request?.messages ?? []);
  return {
    step: step.step,
    traceId: step.traceId,
    provider: last?.provider ?? '',
    model: last?.model ?? '',
    status: last?.status ?? 'in-progress',
    attempts: step.attempts.length,
    inputTokens: knownSum(step.attempts.map(row => row.inputTokens)),
    outputTokens: knownSum(step.attempts.map(row => row.outputTokens)),
    totalCost: knownSum(step.attempts.map(row => row.totalCost)),
    finishReason: last?.finishReason ?? null,
    toolCallCount: last?.toolCallCount ?? null,
    toolCalls: (step.body?.response?.toolCalls ?? []).map(call => {
      const result = results.get(call.toolCallId);
      return {
        toolCallId: call.toolCallId,
        toolName: call.toolName,
        input: call.input,
        ...(result === undefined ? {} : {result: {output: result.output, isError: result.isError === true}}),
      };
    }),
  };
}

/** The tool results of a conversation, by the id of the call each answers. */
function toolResults(messages: readonly LlmMessageBody[]): Map<string, LlmToolMessage> {
  const results = new Map<string, LlmToolMessage>();
  for (const message of messages) if (message.role === 'tool') results.set(message.toolCallId, message);
  return results;
}

/** The sum of the known values; `null` when none is known (never a silent 0). */
function knownSum(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
}
