import {from, mergeMap, Observable, Subscription} from 'rxjs';
import type {LlmChunk, LlmToolCallEnd} from '../chunk/llm-chunk';
import {LlmAbortError} from '../errors/llm-abort-error';
import {withAttempts} from '../attempts/call-attempts';
import {LlmCascadeError} from '../errors/llm-cascade-error';
import {LlmConfigurationError} from '../errors/llm-configuration-error';
import {LlmError} from '../errors/llm-error';
import type {Llm} from '../llm/llm';
import type {LlmAssistantMessage, LlmMessage, LlmRequest, LlmToolMessage} from '../request/llm-request';
import {llmMessagesOf} from '../request/llm-messages';
import type {LlmUsage} from '../usage/llm-usage';
import {executeToolCall, type LlmToolErrorPolicy} from './execute-tool-call';
import type {LlmToolResult} from './llm-tool';
import {sumStepUsage} from './sum-step-usage';

/** One finished step of a tool loop, as `LlmToolLoopOptions.stopWhen` sees it. */
export interface LlmToolStep {
  /** The 0-based step. */
  readonly step: number;
  /** The step's answer text. */
  readonly text: string;
  /** The calls the step's answer made. */
  readonly toolCalls: readonly LlmToolCallEnd[];
  /** Their results, in the calls' order. */
  readonly toolResults: readonly LlmToolResult[];
  /** The step's own usage. */
  readonly usage: LlmUsage;
}

/** How `runTools()` runs its loop. */
export interface LlmToolLoopOptions {
  /** The most model calls (steps) the loop makes, an integer ≥ 1; default 5. The last step's tools still run. */
  readonly maxSteps?: number;
  /**
   * Ends the loop after a step whose tools ran, before the next model call, when it returns `true` (e.g. once a
   * `final_answer` tool was called). The loop also ends after a step without tool calls, or with a call of a tool
   * that has no `execute` (for the app to handle).
   */
  readonly stopWhen?: (step: LlmToolStep) => boolean;
  /** How many tool calls of one step run at once, an integer ≥ 1; default 4. */
  readonly concurrency?: number;
  /**
   * A tool that fails or gets an invalid input: `feed-back` (default) gives the model the error as the call's
   * result (`isError`), so it can recover; `throw` ends the loop with an `LlmToolError`.
   */
  readonly toolErrors?: LlmToolErrorPolicy;
  /** The clock for the loop's timing, in milliseconds; defaults to `performance.now()`. */
  readonly clock?: () => number;
}

const DEFAULT_MAX_STEPS = 5;
const DEFAULT_CONCURRENCY = 4;

/**
 * Runs a conversation with tools as one cold stream: each step is a model call (`llm.stream()`), and when its
 * answer asks for tools, they run (each with its own `AbortSignal`, up to `concurrency` at once), their results
 * become `tool` messages and the next step streams on, until the model answers without tools, `stopWhen` says so,
 * or `maxSteps` is reached.
 *
 * The subscriber sees every step's parts as they stream (text, reasoning, tool calls with their arguments), a
 * `tool-result` part as each tool finishes, a `step-finish` part after each step (its usage and the messages it
 * added), then exactly one `usage` part for the whole loop: tokens and costs summed, every attempt of every step,
 * and each step's usage in `usage.steps`. Unsubscribing aborts the model call or the running tools.
 * Each step is its own call of `llm`: its cascade, retries and log apply per step (the log links the steps by
 * `request.toolLoop`). A step's error ends the loop with that error, its `attempts` listing every step's.
 * @param llm The model: a provider's, a cascade, a wrapped or logged one.
 * @param request The first request, with `tools` (their `execute` runs them).
 * @param options Step limit, stop condition, concurrency and the tool error policy.
 * @returns The loop's stream.
 * @throws LlmConfigurationError (emitted at subscription) for an invalid option.
 *
 * ```ts
 * runTools(llm, {userPrompt: 'Weather in Paris?', tools: [weather]}, {maxSteps: 3})
 *   .pipe(collectResponse())
 *   .subscribe(({content, usage}) => console.log(content, usage.totalCost, usage.steps?.length));
 * ```
 */
export function runTools(llm: Llm, request: LlmRequest, options: LlmToolLoopOptions = {}): Observable<LlmChunk> {
  return new Observable<LlmChunk>(subscriber => {
    const maxSteps = checkCount('maxSteps', options.maxSteps, DEFAULT_MAX_STEPS);
    const concurrency = checkCount('concurrency', options.concurrency, DEFAULT_CONCURRENCY);
    const errors = options.toolErrors ?? 'feed-back';
    if (errors !== 'feed-back' && errors !== 'throw') {
      throw new LlmConfigurationError('llm-rx: toolErrors must be "feed-back" or "throw".', {field: 'toolErrors'});
    }
    const clock = options.clock ?? (() => performance.now());
    const startedAt = clock();
    const loopId = newLoopId();
    const tools = new Map((request.tools ?? []).map(tool => [tool.name, tool]));
    const steps: LlmUsage[] = [];
    let firstContentAt: number | null = null;
    // Every step's and every tool batch's subscription: a synchronous source may end before `subscribe` returns.
    const running = new Subscription();

    // A step's or a tool's error ends the loop carrying every attempt of every step so far (a cascade's error keeps
    // its own list, which its message describes).
    const fail = (error: unknown) => {
      const earlier = steps.flatMap(usage => usage.attempts);
      const own = LlmError.isInstance(error) ? error.attempts : [];
      subscriber.error(
        earlier.length === 0 || LlmCascadeError.isInstance(error) ? error : withAttempts(error, [...earlier, ...own]),
      );
    };
    const show = (chunk: LlmChunk) => {
      firstContentAt ??= clock();
      subscriber.next(chunk);
    };
    const finish = () => {
      const timing = {
        timeToFirstChunkMs: firstContentAt === null ? null : firstContentAt - startedAt,
        responseTimeMs: clock() - startedAt,
      };
      subscriber.next({type: 'usage', usage: sumStepUsage(steps, timing)});
      subscriber.complete();
    };

    const runStep = (step: number, messages: readonly LlmMessage[] | undefined) => {
      // The first step is the request as given (a userPrompt stays one); later ones carry the conversation.
      const stepRequest: LlmRequest =
        messages === undefined
          ? {...request, toolLoop: {id: loopId, step}}
          : {...request, userPrompt: undefined, messages, toolLoop: {id: loopId, step}};
      let text = '';
      let usage: LlmUsage | undefined;
      const calls: LlmToolCallEnd[] = [];
      let stream: Observable<LlmChunk>;
      try {
        stream = llm.stream(stepRequest);
      } catch (error) {
        // A model that throws instead of emitting its error (the next step starts in a completion handler).
        fail(error);
        return;
      }
      const stepRun = stream.subscribe({
        next: chunk => {
          if (chunk.type === 'usage') {
            usage = chunk.usage;
            return;
          }
          if (chunk.type === 'text-delta') text += chunk.text;
          else if (chunk.type === 'tool-call-end') calls.push(chunk);
          show(chunk);
        },
        error: fail,
        complete: () => {
          // A model that completes without its usage broke the Llm contract: there is nothing honest to sum.
          if (usage === undefined) {
            subscriber.error(new LlmConfigurationError('llm-rx: a step of runTools() completed without a usage part.'));
            return;
          }
          steps.push(usage);
          afterStep(step, messages ?? llmMessagesOf(stepRequest), text, calls, usage);
        },
      });
      running.add(stepRun);
    };

    const afterStep = (
      step: number,
      messages: readonly LlmMessage[],
      text: string,
      calls: readonly LlmToolCallEnd[],
      usage: LlmUsage,
    ) => {
      const assistant: LlmAssistantMessage = {
        role: 'assistant',
        content: text,
        ...(calls.length > 0 && {toolCalls: calls.map(toolCallOf)}),
      };
      const conversation = [...messages, assistant];
      if (calls.length === 0) {
        show({type: 'step-finish', step, usage, messages: [assistant]});
        finish();
        return;
      }
      // A call of a tool without `execute` is the app's to answer: the others run, then the loop ends.
      const runnable = calls.filter(
        call => call.issues !== undefined || tools.get(call.toolName)?.execute !== undefined,
      );
      const results = new Map<string, LlmToolResult>();
      const toolRun = from(runnable)
        .pipe(
          mergeMap(
            call => executeToolCall({call, tool: tools.get(call.toolName), step, messages: conversation, errors}),
            concurrency,
          ),
        )
        .subscribe({
          next: result => {
            results.set(result.toolCallId, result);
            show({type: 'tool-result', ...result, step});
          },
          error: fail,
          complete: () => {
            const toolResults = runnable.flatMap(call => results.get(call.toolCallId) ?? []);
            const toolMessages = toolResults.map((result): LlmToolMessage => ({role: 'tool', ...result}));
            show({type: 'step-finish', step, usage, messages: [assistant, ...toolMessages]});
            let stop: boolean;
            try {
              stop =
                step + 1 >= maxSteps ||
                runnable.length < calls.length ||
                options.stopWhen?.({step, text, toolCalls: calls, toolResults, usage}) === true;
            } catch (error) {
              // Thrown in a completion handler, it would reach no one: the loop ends with it instead.
              fail(error);
              return;
            }
            if (stop) finish();
            else runStep(step + 1, [...conversation, ...toolMessages]);
          },
        });
      running.add(toolRun);
    };

    // The caller's outer signal also stops the tools that run between model calls.
    const outerSignal = request.signal;
    const onOuterAbort = () => {
      running.unsubscribe();
      subscriber.error(new LlmAbortError(llm.provider, outerSignal?.reason));
    };
    outerSignal?.addEventListener('abort', onOuterAbort, {once: true});
    runStep(0, undefined);
    return () => {
      outerSignal?.removeEventListener('abort', onOuterAbort);
      running.unsubscribe();
    };
  });
}

/** A finished call as the assistant's message carries it: the input as the model wrote it (`{}` if unreadable). */
function toolCallOf(call: LlmToolCallEnd): NonNullable<LlmAssistantMessage['toolCalls']>[number] {
  return {
    toolCallId: call.toolCallId,
    toolName: call.toolName,
    input: writtenInput(call),
    ...(call.providerData && {providerData: call.providerData}),
  };
}

function writtenInput(call: LlmToolCallEnd): unknown {
  if (call.argumentsText.trim() === '') return {};
  try {
    return JSON.parse(call.argumentsText) as unknown;
  } catch {
    return {};
  }
}

function checkCount(field: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new LlmConfigurationError(`llm-rx: runTools() ${field} must be an integer ≥ 1; got ${String(value)}.`, {
      field,
    });
  }
  return value;
}

/** An id that links a loop's steps in a log: random, never derived from the prompt. */
function newLoopId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  return random ?? `loop-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
