import {asyncScheduler, catchError, defer, map, type Observable, type SchedulerLike, tap, throwError} from 'rxjs';
import {CallAttempts} from '../attempts/call-attempts';
import {isContentChunk, type LlmChunk} from '../chunk/llm-chunk';
import {LlmCascadeError} from '../errors/llm-cascade-error';
import {LlmConfigurationError} from '../errors/llm-configuration-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmTimeoutError} from '../errors/llm-timeout-error';
import type {Llm} from '../llm/llm';
import {_cascadeLlm} from '../llm/wrap-llm';
import type {LlmRequest} from '../request/llm-request';
import {validateLlmRequest} from '../request/validate-llm-request';

/** What `onFailOver` is told when a cascade moves from one child to the next. */
export interface CascadeFailOverEvent {
  /** The child that failed. */
  readonly from: Llm;
  /** The child tried next. */
  readonly to: Llm;
  /** The error that ended `from`'s attempt. */
  readonly error: unknown;
  /**
   * The 1-based position of the failed child in the cascade; `to` is child `attempt + 1`. (The requests the call
   * made so far, retries included, are in the error's `attempts`.)
   */
  readonly attempt: number;
}

/** Options of `cascade()`. */
export interface CascadeOptions {
  /**
   * Whether an error that ended an attempt before any content should move on to the next child.
   * Defaults to `shouldFailOver`.
   */
  readonly shouldFailOver?: (error: unknown) => boolean;
  /** Called at each failover, before the next child is subscribed, e.g. to log a warning. */
  readonly onFailOver?: (event: CascadeFailOverEvent) => void;
  /** The clock for attempt durations and re-based timings; defaults to `asyncScheduler`. */
  readonly scheduler?: SchedulerLike;
}

/**
 * The default failover policy of `cascade()`: whether another provider may succeed where this one failed.
 *
 * True for every `LlmProviderError`, whatever its status: a 400, 401, 404, 429 or 529 is a capability, credential
 * or capacity gap of that one provider, which is what a cascade is for. True for `LlmTimeoutError`, and for a
 * nested cascade's `LlmCascadeError` (all of its children failed before content). False for configuration and
 * invalid-request errors (the same request would fail everywhere), truncation (an answer was given), a
 * cancellation (`LlmAbortError`), and unknown errors (likely a bug, better surfaced at once).
 * @param error The error that ended an attempt.
 * @returns Whether the cascade should try its next child.
 */
export function shouldFailOver(error: unknown): boolean {
  if (LlmConfigurationError.isInstance(error)) return false;
  return LlmProviderError.isInstance(error) || LlmTimeoutError.isInstance(error) || LlmCascadeError.isInstance(error);
}

/**
 * Builds an `Llm` that tries its children in order and fails over only before the answer starts.
 *
 * The request is validated once, up front, so an invalid request never fails over. Each child is subscribed
 * only after the previous one failed and was unsubscribed. A child fails over while none of its chunks has
 * reached the subscriber and `shouldFailOver(error)` says so; once content flowed, every error reaches the
 * subscriber, so a second answer is never glued onto the first. When every child fails, the stream errors with
 * an `LlmCascadeError`.
 *
 * Every request the children send is one attempt of the call (`reportLlmAttempt()`), retries and nested
 * cascades' children included: the final usage part is the answering child's, with `attempts` listing them all
 * in order (the answering one last), and with `timeToFirstChunkMs` and `responseTimeMs` measured from the
 * cascade's subscription: what the user waited. An error that ends the call lists them in its `attempts` too
 * (`LlmCascadeError.attempts`). The request, with its `onAttempt` hook, goes to each child as it is.
 *
 * ```ts
 * const llm = cascade([createLlm('anthropic', 'claude-haiku-4-5-20251001'), createLlm('openai', 'gpt-5-mini')], {
 *   onFailOver: ({from, to, error}) => console.warn(`${from.provider} failed (${error}); trying ${to.provider}`),
 * });
 * llm.stream({userPrompt: 'Hello'}).pipe(textDeltas()).subscribe(text => console.log(text));
 * ```
 * @param llms The children, most preferred first; at least one.
 * @param options The failover policy, a failover callback and the clock.
 * @returns An `Llm` with `provider` `'cascade'` and the first child's `model`, recognised by `isCascade()`.
 * @throws LlmConfigurationError (field `llms`) when `llms` is not a non-empty list of `Llm`s.
 */
export function cascade(llms: readonly Llm[], options: CascadeOptions = {}): Llm {
  checkChildren(llms);
  checkOptions(options);
  // A copy, so that changing the caller's array later cannot change a running cascade.
  const children = [...llms];
  const isFailOver = options.shouldFailOver ?? shouldFailOver;
  const scheduler = options.scheduler ?? asyncScheduler;
  return _cascadeLlm(
    children[0].model,
    (request: LlmRequest) =>
      defer(() => {
        validateLlmRequest(request);
        return streamAttempt({children, request, isFailOver, options, scheduler, call: new CallAttempts(scheduler)}, 0);
      }),
    children,
  );
}

function checkChildren(llms: readonly Llm[]): void {
  if (!Array.isArray(llms) || llms.length === 0) {
    throw new LlmConfigurationError(
      'llm-rx: cascade() needs llms, a list of at least one Llm, e.g. cascade([primary, fallback]).',
      {field: 'llms'},
    );
  }
  llms.forEach((llm: unknown, index) => {
    const candidate = llm as Partial<Llm> | null | undefined;
    if (
      typeof candidate !== 'object' ||
      candidate === null ||
      typeof candidate.stream !== 'function' ||
      typeof candidate.provider !== 'string' ||
      typeof candidate.model !== 'string'
    ) {
      throw new LlmConfigurationError(
        `llm-rx: cascade() llms[${index}] must be an Llm (with provider, model and stream()), ` +
          `e.g. one made by createLlm(); got ${candidate === null ? 'null' : typeof candidate}.`,
        {field: 'llms'},
      );
    }
  });
}

function checkOptions(options: CascadeOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new LlmConfigurationError('llm-rx: cascade() options must be an object, e.g. {onFailOver: event => …}.', {
      field: 'options',
    });
  }
  for (const field of ['shouldFailOver', 'onFailOver'] as const) {
    if (options[field] !== undefined && typeof options[field] !== 'function') {
      throw new LlmConfigurationError(`llm-rx: the cascade() option ${field} must be a function.`, {field});
    }
  }
  if (options.scheduler !== undefined && typeof options.scheduler?.now !== 'function') {
    throw new LlmConfigurationError('llm-rx: the cascade() option scheduler must be an RxJS scheduler.', {
      field: 'scheduler',
    });
  }
}

/** One subscription of a cascade: what every attempt shares. */
interface CascadeRun {
  readonly children: readonly Llm[];
  readonly request: LlmRequest;
  readonly isFailOver: (error: unknown) => boolean;
  readonly options: CascadeOptions;
  readonly scheduler: SchedulerLike;
  /** The call's attempts and timing. */
  readonly call: CallAttempts;
}

/**
 * Streams one child of a cascade, failing over to the next one on an error before any chunk.
 * @param run The cascade's subscription.
 * @param index The child to try.
 * @returns The child's chunks with the call's usage part, or the next child's, or the error.
 */
function streamAttempt(run: CascadeRun, index: number): Observable<LlmChunk> {
  return defer(() => {
    const {children, scheduler, call} = run;
    const child = children[index];
    const startedAt = scheduler.now();
    let hasEmitted = false;
    return child.stream(run.request).pipe(
      // Any chunk that reached the subscriber, content or (from a faulty child) usage, ends the right to fail
      // over: the user already has part of this child's answer.
      tap(() => (hasEmitted = true)),
      map((chunk): LlmChunk =>
        isContentChunk(chunk) ? chunk : {type: 'usage', usage: call.usage(chunk.usage, startedAt)},
      ),
      catchError((error: unknown) => {
        if (hasEmitted || !run.isFailOver(error)) return throwError(() => call.ending(error, child, startedAt));
        call.failed(error, child, startedAt);
        if (index + 1 === children.length) return throwError(() => new LlmCascadeError([...call.failedAttempts]));
        run.options.onFailOver?.({from: child, to: children[index + 1], error, attempt: index + 1});
        // catchError unsubscribes the failed child before it subscribes to this, in the same frame.
        return streamAttempt(run, index + 1);
      }),
    );
  });
}
