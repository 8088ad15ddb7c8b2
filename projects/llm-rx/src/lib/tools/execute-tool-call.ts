import {catchError, defaultIfEmpty, from, isObservable, last, map, Observable, of, throwError} from 'rxjs';
import type {LlmToolCallEnd} from '../chunk/llm-chunk';
import {LlmToolError} from '../errors/llm-tool-error';
import type {LlmMessage} from '../request/llm-request';
import type {LlmTool, LlmToolResult} from './llm-tool';

/** What happens when a tool call cannot give a result: tell the model (`feed-back`), or end the loop (`throw`). */
export type LlmToolErrorPolicy = 'feed-back' | 'throw';

/** The call to run, and where it stands in the loop. */
export interface ToolCallToRun {
  readonly call: LlmToolCallEnd;
  /** The request's tool of that name (the call has `issues` when there is none). */
  readonly tool: LlmTool | undefined;
  readonly step: number;
  /** The conversation so far, the assistant's message with this call last. */
  readonly messages: readonly LlmMessage[];
  readonly errors: LlmToolErrorPolicy;
}

/**
 * Runs one tool call as a cold Observable: `execute` is called at subscription with its own `AbortSignal`, which
 * aborts when the subscription ends early (the loop's subscriber left, or the loop failed). A value, a Promise or
 * an Observable (its last value) becomes the result. An invalid input or a failure becomes an error result for the
 * model (`feed-back`) or an `LlmToolError` (`throw`).
 * @param run The call and its tool.
 * @returns One result, then completion.
 */
export function executeToolCall(run: ToolCallToRun): Observable<LlmToolResult> {
  const {call, tool, step, errors} = run;
  const result = (output: unknown, isError = false): LlmToolResult => ({
    toolCallId: call.toolCallId,
    toolName: call.toolName,
    output,
    ...(isError && {isError}),
  });
  const fail = (error: LlmToolError): Observable<LlmToolResult> =>
    errors === 'throw' ? throwError(() => error) : of(result({error: error.message}, true));
  if (call.issues !== undefined || tool === undefined) {
    return fail(
      new LlmToolError({
        kind: 'invalid-input',
        toolName: call.toolName,
        toolCallId: call.toolCallId,
        step,
        issues: call.issues ?? [{message: `the request has no tool "${call.toolName}"`, path: []}],
      }),
    );
  }
  const execute = tool.execute;
  if (execute === undefined) return throwError(() => new Error(`llm-rx: the tool "${tool.name}" has no execute.`));
  return new Observable<unknown>(subscriber => {
    const controller = new AbortController();
    let output: unknown;
    try {
      output = execute.call(tool, call.input, {
        signal: controller.signal,
        toolCallId: call.toolCallId,
        step,
        messages: run.messages,
      });
    } catch (error) {
      subscriber.error(error);
      return;
    }
    const outputs = isObservable(output)
      ? output.pipe(defaultIfEmpty(undefined), last())
      : isPromiseLike(output)
        ? from(output)
        : of(output);
    const subscription = outputs.subscribe(subscriber);
    return () => {
      subscription.unsubscribe();
      // Aborts a tool still running when the loop ends early; after the result, no one listens any more.
      controller.abort();
    };
  }).pipe(
    map(output => result(output)),
    catchError((error: unknown) =>
      fail(
        new LlmToolError({
          kind: 'execution',
          toolName: call.toolName,
          toolCallId: call.toolCallId,
          step,
          cause: error,
        }),
      ),
    ),
  );
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
