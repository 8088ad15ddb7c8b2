import {
  createLlmKeyFingerprint,
  type Llm,
  type LlmAttemptStart,
  type LlmCallStatus,
  type LlmChunk,
  type LlmKeyFingerprint,
  type LlmRequest,
  type LlmUsage,
} from 'llm-rx';
import {defer, type MonoTypeOperatorFunction, Observable} from 'rxjs';
import {buildCallRecords, type LoggedCallState} from './build-call-records';
import type {LlmCallLog} from './llm-call-log';
import {LlmLogError} from './llm-log-error';
import {newLogId} from './log-ids';

/** How `loggedLlm()` logs the calls of an `Llm`. */
export interface LlmLogOptions {
  /** The log to write to. */
  readonly log: LlmCallLog;
  /** A label for the call site or alias, stored on every row (e.g. `summarizer`). */
  readonly label?: string;
  /**
   * The provider key, only to store its fingerprint (the first 16 hex characters of its SHA-256); the key itself
   * is never stored, and is removed from stored error messages. Without it, the `keyFingerprint` of the `Llm`
   * (set by the provider adapters) is stored instead.
   */
  readonly apiKey?: string;
  /** A human name for the key, e.g. `prod` or `alice`; default the alias of the `Llm`'s `keyFingerprint`. */
  readonly apiKeyAlias?: string;
}

/** How `logLlmCalls()` logs a stream: the `loggedLlm()` options plus who is called and with what. */
export interface LlmLogStreamOptions extends LlmLogOptions {
  readonly provider: string;
  readonly model: string;
  /** The request, for the body row. */
  readonly request?: LlmRequest;
}

/**
 * Wraps an `Llm` so that every call is recorded in a call log; the chunks and their timing are unchanged.
 *
 * A row is buffered when a stream is subscribed (`in-progress`, with the request body) and replaced when it
 * completes, errors or is unsubscribed, with the usage known by then and the text streamed so far. A call with
 * several attempts (a cascade's failovers, retries) becomes one row per attempt under one trace id. A cascade
 * reports each attempt as it starts through the request's `onAttempt` hook (a hook of the caller's own is still
 * called), so a cancelled call or an error after content still gets a row per attempt, each with its real
 * provider. Nothing is awaited or written per chunk: rows are written in batches by the log.
 *
 * ```ts
 * const log = new LlmCallLog();
 * const llm = loggedLlm(
 *   cascade([createLlm('anthropic', 'claude-haiku-4-5', {apiKey}), createLlm('openai', 'gpt-5-mini', {apiKey: openAiKey})]),
 *   {log, label: 'chat'},
 * );
 * llm.stream({userPrompt: 'Hello'}).pipe(textDeltas()).subscribe(text => console.log(text));
 * ```
 * @param llm Any `Llm`, a cascade included.
 * @param options The log, a label and the key to fingerprint.
 * @returns An `Llm` with the same provider and model whose calls are logged.
 */
export function loggedLlm(llm: Llm, options: LlmLogOptions): Llm {
  const {keyFingerprint} = llm;
  const keyHash = memoizedKeyHash(options, keyFingerprint);
  const apiKeyAlias = options.apiKeyAlias ?? keyFingerprint?.alias;
  const logged: Llm = {
    provider: llm.provider,
    model: llm.model,
    // Kept, so that the fingerprint survives another wrapper around this one.
    ...(keyFingerprint === undefined ? {} : {keyFingerprint}),
    stream: (request: LlmRequest) =>
      logCalls({...options, apiKeyAlias, provider: llm.provider, model: llm.model, request}, keyHash, onAttempt =>
        llm.stream({
          ...request,
          onAttempt: start => {
            onAttempt(start);
            request.onAttempt?.(start);
          },
        }),
      ),
  };
  return logged;
}

/**
 * Records each subscription of an `LlmChunk` stream as a call in a log, for streams that are not behind an
 * `Llm` (e.g. a provider stream built by hand). See `loggedLlm()`.
 *
 * ```ts
 * myStream.pipe(logLlmCalls({log, provider: 'openai', model: 'gpt-5-mini', request})).subscribe();
 * ```
 * @param options The log, who is called, the request, a label and the key to fingerprint.
 * @returns An operator that passes every chunk through unchanged.
 */
export function logLlmCalls(options: LlmLogStreamOptions): MonoTypeOperatorFunction<LlmChunk> {
  const keyHash = memoizedKeyHash(options, undefined);
  return source => logCalls(options, keyHash, () => source);
}

/**
 * Logs each subscription of a stream as one call.
 * @param options The log, who is called, the request, a label and the key to fingerprint.
 * @param keyHash The key hash, computed once per wrapper.
 * @param streamFor Builds the stream of one subscription, given the hook that tells this call of its attempts.
 * @returns The stream, its chunks unchanged.
 */
function logCalls(
  options: LlmLogStreamOptions,
  keyHash: () => Promise<string | null>,
  streamFor: (onAttempt: (start: LlmAttemptStart) => void) => Observable<LlmChunk>,
): Observable<LlmChunk> {
  return new Observable<LlmChunk>(subscriber => {
    const call = new LoggedCall(options, keyHash());
    let hasEnded = false;
    // Built per subscription, so that each call's attempts reach its own row and no state is shared.
    // Deferred, so that an Llm that throws at stream() ends this call's row as an error.
    const subscription = defer(() => streamFor(start => call.attemptStarted(start))).subscribe({
      next: chunk => {
        // Observed before it is passed on: a subscriber that unsubscribes inside next() ends the call here.
        call.observe(chunk);
        subscriber.next(chunk);
      },
      error: (error: unknown) => {
        hasEnded = true;
        subscriber.error(error);
        call.end('error', undefined, error);
      },
      complete: () => {
        hasEnded = true;
        subscriber.complete();
        call.end('ok');
      },
    });
    return () => {
      subscription.unsubscribe();
      if (!hasEnded) {
        hasEnded = true;
        call.end('cancelled');
      }
    };
  });
}

/** One subscription being logged: its timestamps, usage and (when bodies are stored) its text. */
class LoggedCall {
  readonly #options: LlmLogStreamOptions;
  readonly #apiKeyHash: Promise<string | null>;
  readonly #id = newLogId();
  readonly #traceId = newLogId();
  readonly #startedAt = Date.now();
  readonly #keepsText: boolean;
  readonly #text: string[] = [];
  readonly #reasoning: string[] = [];
  #firstChunkAt: number | null = null;
  #usage: LlmUsage | undefined;
  #attempt: LlmAttemptStart | undefined;

  constructor(options: LlmLogStreamOptions, apiKeyHash: Promise<string | null>) {
    this.#options = options;
    this.#apiKeyHash = apiKeyHash;
    this.#keepsText = options.log.storesBodies;
    this.#record('in-progress', null);
  }

  observe(chunk: LlmChunk): void {
    if (chunk.type === 'usage') {
      this.#usage = chunk.usage;
      return;
    }
    this.#firstChunkAt ??= Date.now();
    if (this.#keepsText) (chunk.type === 'text-delta' ? this.#text : this.#reasoning).push(chunk.text);
  }

  /** Remembers the attempt that runs now (a cascade's child) and those that failed before it. */
  attemptStarted(start: LlmAttemptStart): void {
    this.#attempt = start;
  }

  end(status: Exclude<LlmCallStatus, 'in-progress' | 'interrupted'>, usage?: LlmUsage, error?: unknown): void {
    this.#record(status, Date.now(), usage ?? this.#usage, error);
  }

  #record(status: LlmCallStatus, endedAt: number | null, usage?: LlmUsage, error?: unknown): void {
    const {log, provider, model, label, apiKeyAlias, apiKey, request} = this.#options;
    // Logging never fails the call: a bug or a full buffer here is reported, not thrown into the stream.
    try {
      const state: LoggedCallState = {
        id: this.#id,
        traceId: this.#traceId,
        provider,
        model,
        label: label ?? null,
        apiKeyAlias: apiKeyAlias ?? null,
        status,
        startedAt: this.#startedAt,
        firstChunkAt: this.#firstChunkAt,
        endedAt,
        ...(usage === undefined ? {} : {usage}),
        ...(error === undefined ? {} : {error}),
        ...(this.#attempt === undefined ? {} : {attempt: this.#attempt}),
      };
      const scrub = (text: string) => (apiKey ? text.split(apiKey).join('[redacted]') : text);
      const response = endedAt === null ? null : {text: this.#text.join(''), reasoning: this.#reasoning.join('')};
      log._record(buildCallRecords(state, scrub), this.#apiKeyHash, {
        id: this.#id,
        traceId: this.#traceId,
        ...(request === undefined ? {} : {request}),
        response,
      });
    } catch (failure) {
      log._report(new LlmLogError('write', 'llm-rx/logging: could not record a call.', failure));
    }
  }
}

// Hashed once per wrapper, at the first call, so that wrapping costs nothing until used.
function memoizedKeyHash(
  options: LlmLogOptions,
  fingerprint: LlmKeyFingerprint | undefined,
): () => Promise<string | null> {
  let hash: Promise<string | null> | undefined;
  const {apiKey} = options;
  // An explicit key wins over the model's own fingerprint; both hash the same way, in the core.
  const keyFingerprint = apiKey !== undefined ? createLlmKeyFingerprint(apiKey) : fingerprint;
  const compute = () => keyFingerprint?.hash() ?? Promise.resolve(null);
  return () =>
    (hash ??= compute().catch((error: unknown) => {
      options.log._report(
        new LlmLogError(
          'hash',
          'llm-rx/logging: WebCrypto is unavailable (not a secure context); rows carry no API key hash.',
          error,
        ),
      );
      return null;
    }));
}
