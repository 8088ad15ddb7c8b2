import {
  isContentChunk,
  type Llm,
  type LlmChunk,
  type LlmCost,
  type LlmFinishReason,
  type LlmRequest,
  type LlmTokenCounts,
  reportLlmAttempt,
} from 'llm-rx';
import {
  asyncScheduler,
  concat,
  concatMap,
  defer,
  NEVER,
  Observable,
  of,
  type SchedulerLike,
  throwError,
  timer,
} from 'rxjs';
import {usagePart} from './usage-part';

/**
 * What one call of a `MockLlm` does, step by step: each chunk, then an error, the usage part, or nothing (hang).
 */
export interface MockLlmScript {
  /** The chunks to emit in order; a string is a `text-delta`. */
  readonly chunks?: readonly (string | LlmChunk)[];
  /**
   * Milliseconds to wait, on the scheduler, before each step: every chunk, then the error or the usage part.
   * A number applies to every step; a list gives one per step (missing entries are 0). Default 0: synchronous.
   */
  readonly delayMs?: number | readonly number[];
  /** An error to raise instead of the usage part. */
  readonly error?: unknown;
  /** With `error`: how many chunks come before it (0: before any chunk). Default: all of them. */
  readonly errorAfterChunks?: number;
  /** Without `error`: whether to never end after the chunks, instead of emitting the usage part. */
  readonly hang?: boolean;
  /** Token counts of the usage part; 10 input and 20 output tokens unless given. */
  readonly tokens?: Partial<LlmTokenCounts>;
  /** Cost of the usage part; unknown (`null`) unless given. */
  readonly cost?: Partial<LlmCost>;
  /** Finish reason of the usage part; `stop` unless given. */
  readonly finishReason?: LlmFinishReason;
  /** The provider's response id in the usage part (`usage.responseId`); absent unless given. */
  readonly responseId?: string;
  /** The answering model as the provider names it (`usage.responseModel`); absent unless given. */
  readonly responseModel?: string;
}

/** How to build a `MockLlm`. */
export interface MockLlmOptions {
  /** Default `mock-provider`. */
  readonly provider?: string;
  /** Default `mock-model`. */
  readonly model?: string;
  /** One script reused for every call, or one script per call, in order. */
  readonly script: MockLlmScript | readonly MockLlmScript[];
  /** The scheduler for delays and timings; defaults to `asyncScheduler` (virtual inside `TestScheduler.run`). */
  readonly scheduler?: SchedulerLike;
}

/**
 * A scripted, in-memory `Llm` for tests: no network, exact timings on a `TestScheduler`.
 *
 * Each subscription is one call and plays the next script: its chunks, with delays, then an error, a usage part
 * (with timings measured on the scheduler) or a hang. Like a provider, it reports each subscription as one attempt
 * (`reportLlmAttempt()`: `request.onAttempt`, `usage.attempts`, an llm-rx error's `attempts`). It records the
 * requests, subscriptions and early unsubscriptions, and errors clearly when a call has no script.
 *
 * ```ts
 * const primary = new MockLlm({provider: 'anthropic', script: {error: new LlmProviderError('overloaded', {provider: 'anthropic', statusCode: 529})}});
 * const fallback = new MockLlm({script: {chunks: ['Hel', 'lo'], delayMs: 10}});
 * const answer = await firstValueFrom(cascade([primary, fallback]).stream({userPrompt: 'Hi'}).pipe(collectResponse()));
 * expect(answer.content).toBe('Hello');
 * expect(fallback.calls).toEqual([{userPrompt: 'Hi'}]);
 * ```
 */
export class MockLlm implements Llm {
  readonly provider: string;
  readonly model: string;
  /** Every request passed to `stream()`, in order. */
  readonly calls: LlmRequest[] = [];
  readonly #scripts: readonly MockLlmScript[];
  readonly #isScriptReused: boolean;
  readonly #scheduler: SchedulerLike;
  #subscriptions = 0;
  #unsubscriptions = 0;

  /** @param options The provider and model names, the script(s) and the scheduler. */
  constructor(options: MockLlmOptions) {
    this.provider = options.provider ?? 'mock-provider';
    this.model = options.model ?? 'mock-model';
    this.#isScriptReused = !Array.isArray(options.script);
    this.#scripts = Array.isArray(options.script) ? [...options.script] : [options.script as MockLlmScript];
    this.#scheduler = options.scheduler ?? asyncScheduler;
  }

  /** How many times a stream of this mock was subscribed: one call each. */
  get subscriptions(): number {
    return this.#subscriptions;
  }

  /** How many subscriptions ended by unsubscribe before the stream completed or errored. */
  get unsubscriptions(): number {
    return this.#unsubscriptions;
  }

  /**
   * Records the request and returns a cold stream that plays the next script at each subscription.
   * @param request What was asked; recorded in `calls`.
   * @returns The scripted chunks.
   */
  stream(request: LlmRequest): Observable<LlmChunk> {
    this.calls.push(request);
    const scheduler = this.#scheduler;
    const played = new Observable<LlmChunk>(subscriber => {
      const call = ++this.#subscriptions;
      const script = this.#isScriptReused ? this.#scripts[0] : this.#scripts[call - 1];
      if (script === undefined) {
        subscriber.error(
          new Error(
            `llm-rx/testing: MockLlm has no script for call ${call} (it has ${this.#scripts.length}). ` +
              'Add a script for every call, or pass a single script to reuse it for all calls.',
          ),
        );
        return;
      }
      let hasEnded = false;
      const subscription = this.#play(script).subscribe({
        next: chunk => subscriber.next(chunk),
        error: (error: unknown) => {
          hasEnded = true;
          subscriber.error(error);
        },
        complete: () => {
          hasEnded = true;
          subscriber.complete();
        },
      });
      return () => {
        if (!hasEnded) this.#unsubscriptions++;
        subscription.unsubscribe();
      };
    });
    return played.pipe(
      reportLlmAttempt(request, {provider: this.provider, model: this.model, clock: () => scheduler.now()}),
    );
  }

  #play(script: MockLlmScript): Observable<LlmChunk> {
    const scheduler = this.#scheduler;
    const startedAt = scheduler.now();
    let firstChunkAt: number | null = null;
    const chunks = (script.chunks ?? []).map(toChunk);
    const hasError = script.error !== undefined;
    const emitted = hasError ? chunks.slice(0, Math.max(0, script.errorAfterChunks ?? chunks.length)) : chunks;
    const afterDelay = (step: number, next: () => Observable<LlmChunk>): Observable<LlmChunk> => {
      const delayMs = typeof script.delayMs === 'number' ? script.delayMs : (script.delayMs?.[step] ?? 0);
      // No timer for a zero delay, so an undelayed script is synchronous, as marble frames expect.
      return delayMs > 0 ? timer(delayMs, scheduler).pipe(concatMap(next)) : defer(next);
    };
    const steps = emitted.map((chunk, step) =>
      afterDelay(step, () => {
        if (isContentChunk(chunk)) firstChunkAt ??= scheduler.now();
        return of(chunk);
      }),
    );
    const end = hasError
      ? afterDelay(emitted.length, () => throwError(() => script.error))
      : script.hang
        ? NEVER
        : afterDelay(emitted.length, () => {
            const responseTimeMs = scheduler.now() - startedAt;
            return of(
              usagePart({
                provider: this.provider,
                model: this.model,
                inputTokens: 10,
                outputTokens: 20,
                ...script.tokens,
                ...script.cost,
                timeToFirstChunkMs: firstChunkAt === null ? null : firstChunkAt - startedAt,
                responseTimeMs,
                ...(script.finishReason ? {finishReason: script.finishReason} : {}),
                ...(script.responseId !== undefined && {responseId: script.responseId}),
                ...(script.responseModel !== undefined && {responseModel: script.responseModel}),
              }),
            );
          });
    return concat(...steps, end);
  }
}

function toChunk(chunk: string | LlmChunk): LlmChunk {
  return typeof chunk === 'string' ? {type: 'text-delta', text: chunk} : chunk;
}
