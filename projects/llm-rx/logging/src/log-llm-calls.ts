import {
  createLlmKeyFingerprint,
  type Llm,
  type LlmAttempt,
  type LlmAttemptStart,
  type LlmChunk,
  LlmError,
  type LlmKeyFingerprint,
  LlmObjectError,
  LlmRefusalError,
  redactSecrets,
  type LlmRequest,
  type LlmResponseBody,
  type LlmToolCallEnd,
  type LlmUsage,
  type ResolvedLlmOutput,
  type ResolvedLlmTool,
  resolveLlmOutput,
  resolveLlmTools,
  wrapLlm,
} from 'llm-rx';
import {defer, type MonoTypeOperatorFunction, Observable} from 'rxjs';
import {
  attemptRecord,
  callRecord,
  type LlmCallDraft,
  type LoggedAttempt,
  type LoggedCallContext,
  offersTools,
  outputNameOf,
  toolLoopOf,
} from './build-call-records';
import type {LlmCallLog} from './llm-call-log';
import {LlmLogError} from './llm-log-error';
import {newLogId} from './log-ids';
import {LoggedImages} from './logged-images';

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
  /** The request, for the body row and the rows' `outputName`, `loopId`, `step` and `toolCallCount`. */
  readonly request?: LlmRequest;
}

/**
 * Wraps an `Llm` so that every call is recorded in a call log; the chunks and their timing are unchanged.
 *
 * Every attempt of a call (each request sent: retries and cascade children included) is one row, under one trace
 * id per call: the request's `onAttempt` hook (a hook of the caller's own is still called) tells the log of each
 * attempt as it starts, when its row is buffered `in-progress` with its own provider and model, and as it ends,
 * when the row gets its outcome, timings, billed tokens, cost and error. So a cancelled call, an error after
 * content or a closed tab still leaves a row per attempt. The body (the request and the text streamed so far)
 * belongs to the call's first row. An `Llm` that reports no attempts (one not built on `fromProviderStream()` or
 * `reportLlmAttempt()`) gets one row per attempt its usage part or error lists, or one row for the call. Nothing
 * is awaited or written per chunk: rows are written in batches by the log.
 *
 * ```ts
 * const log = createLlmCallLog();
 * const llm = loggedLlm(
 *   cascade([createLlm('anthropic', 'claude-haiku-4-5', {apiKey}), createLlm('openai', 'gpt-5-mini', {apiKey: openAiKey})]),
 *   {log, label: 'chat'},
 * );
 * llm.stream({userPrompt: 'Hello'}).pipe(textDeltas()).subscribe(text => console.log(text));
 * ```
 * @param llm Any `Llm`, a cascade included.
 * @param options The log, a label and the key to fingerprint.
 * @returns An `Llm` with the same provider, model, key fingerprint and cascade marker (`isCascade()`) whose calls
 * are logged.
 */
export function loggedLlm(llm: Llm, options: LlmLogOptions): Llm {
  const {keyFingerprint} = llm;
  const keyHash = memoizedKeyHash(options, keyFingerprint);
  const apiKeyAlias = options.apiKeyAlias ?? keyFingerprint?.alias;
  // wrapLlm keeps the provider, model, key fingerprint and cascade marker, so that another wrapper around this
  // one (a retry of provideLlm()) still sees what it wraps.
  return wrapLlm(llm, (request, stream) =>
    logCalls({...options, apiKeyAlias, provider: llm.provider, model: llm.model, request}, keyHash, onAttempt =>
      stream({
        ...request,
        onAttempt: start => {
          const logged = onAttempt(start);
          const theirs = request.onAttempt?.(start);
          return (ended: LlmAttempt) => {
            logged(ended);
            if (typeof theirs === 'function') theirs(ended);
          };
        },
      }),
    ),
  );
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
  streamFor: (onAttempt: (start: LlmAttemptStart) => (ended: LlmAttempt) => void) => Observable<LlmChunk>,
): Observable<LlmChunk> {
  return new Observable<LlmChunk>(subscriber => {
    const call = new LoggedCall(options, keyHash());
    let hasEnded = false;
    // Built per subscription, so that each call's attempts reach its own rows and no state is shared.
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
        call.end('error', error);
      },
      complete: () => {
        hasEnded = true;
        subscriber.complete();
        call.end('ok');
      },
    });
    // An Llm that reported no attempt as it was subscribed gets a row for the call, so that even a call cut by a
    // closed tab leaves one.
    if (!hasEnded) call.subscribed();
    return () => {
      subscription.unsubscribe();
      if (!hasEnded) {
        hasEnded = true;
        call.end('cancelled');
      }
    };
  });
}

/**
 * One subscription being logged: its attempts' rows, its usage, its count of tool calls and (when bodies are
 * stored) its text, object and tool calls. A `partial-object` or `tool-call-delta` part costs nothing here: only
 * the final `object` and `tool-call-end` parts are kept, by reference, and made storable once, when the call ends.
 */
class LoggedCall {
  readonly #options: LlmLogStreamOptions;
  readonly #apiKeyHash: Promise<string | null>;
  /** What the rows share but the count of tool calls, which grows as the answer streams. */
  readonly #context: Omit<LoggedCallContext, 'toolCallCount'>;
  readonly #offersTools: boolean;
  #toolCallCount = 0;
  /** The id of the call's first row, which the body belongs to. */
  readonly #id = newLogId();
  readonly #startedAt = Date.now();
  readonly #keepsText: boolean;
  readonly #text: string[] = [];
  readonly #reasoning: string[] = [];
  /** The request's output for the body, resolved once (when bodies are stored). */
  readonly #output: ResolvedLlmOutput | undefined;
  /** The request's tools for the body, resolved once (when bodies are stored). */
  readonly #tools: readonly ResolvedLlmTool[] | undefined;
  /** The request's images, described from the call's start (when bodies are stored and there are images). */
  readonly #images: LoggedImages | undefined;
  /** The `object` part's value, once it came (when bodies are stored). */
  #object: {readonly value: unknown} | undefined;
  /** The `tool-call-end` parts, in order (when bodies are stored). */
  readonly #toolCalls: LlmToolCallEnd[] = [];
  /** What the call ended with, for an object error's issues or a refusal in the body. */
  #error: unknown;
  readonly #attempts: LoggedAttempt[] = [];
  #firstChunkAt: number | null = null;
  #usage: LlmUsage | undefined;
  #hasEnded = false;

  constructor(options: LlmLogStreamOptions, apiKeyHash: Promise<string | null>) {
    this.#options = options;
    this.#apiKeyHash = apiKeyHash;
    this.#keepsText = options.log.storesBodies;
    this.#context = {
      traceId: newLogId(),
      provider: options.provider,
      model: options.model,
      label: options.label ?? null,
      apiKeyAlias: options.apiKeyAlias ?? null,
      outputName: outputNameOf(options.request),
      ...toolLoopOf(options.request),
    };
    this.#offersTools = offersTools(options.request);
    this.#output = this.#keepsText ? resolvedOutput(options.request) : undefined;
    this.#tools = this.#keepsText ? resolvedTools(options.request) : undefined;
    // Hashed (and, with storeImages, Blobs read) beside the stream, never before it: a body written before they
    // are known keeps each image's media type and size, and is written again once they are.
    const {log} = options;
    this.#images = this.#keepsText
      ? LoggedImages.start(options.request, log.storesImages, error =>
          log._report(
            new LlmLogError(
              'hash',
              'llm-rx/logging: an image could not be hashed or read (WebCrypto is unavailable outside a secure ' +
                'context); its body row keeps sha256: null.',
              error,
            ),
          ),
        )
      : undefined;
    void this.#images?.settled.then(() => this.#recordSafely(() => [], this.#hasEnded));
  }

  observe(chunk: LlmChunk): void {
    if (chunk.type === 'usage') {
      this.#usage = chunk.usage;
      return;
    }
    this.#firstChunkAt ??= Date.now();
    if (chunk.type === 'tool-call-end') this.#toolCallCount++;
    if (!this.#keepsText) return;
    if (chunk.type === 'text-delta') this.#text.push(chunk.text);
    else if (chunk.type === 'reasoning-delta') this.#reasoning.push(chunk.text);
    else if (chunk.type === 'object') this.#object = {value: chunk.object};
    else if (chunk.type === 'tool-call-end') this.#toolCalls.push(chunk);
  }

  /** What every row of the call shares, as of now. */
  #rowContext(): LoggedCallContext {
    return {...this.#context, toolCallCount: this.#offersTools ? this.#toolCallCount : null};
  }

  /**
   * Buffers the `in-progress` row of an attempt that starts; the first one takes the call's row.
   * @returns What to call when the attempt ends.
   */
  attemptStarted(start: LlmAttemptStart): (ended: LlmAttempt) => void {
    const id = this.#attempts.length === 0 ? this.#id : newLogId();
    this.#attempts.push({id, start});
    this.#write([this.#attempts.length - 1]);
    return ended => {
      const index = this.#attempts.findIndex(attempt => attempt.id === id);
      this.#attempts[index] = {...this.#attempts[index], ended};
      this.#write([index]);
    };
  }

  /** Right after subscription: a call whose Llm reported no attempt yet gets its own `in-progress` row. */
  subscribed(): void {
    if (this.#attempts.length === 0) this.#writeCallRow('in-progress', null);
  }

  end(status: 'ok' | 'error' | 'cancelled', error?: unknown): void {
    if (this.#hasEnded) return;
    this.#hasEnded = true;
    this.#error = error;
    this.#addUnreported(this.#usage?.attempts ?? (LlmError.isInstance(error) ? error.attempts : []));
    const endedAt = Date.now();
    if (this.#attempts.length === 0) {
      this.#writeCallRow(status, endedAt, error);
      return;
    }
    // An attempt its Llm never ended (a wrapper that dropped it) ends with the call.
    this.#attempts.forEach((attempt, index) => {
      if (attempt.ended === undefined) {
        this.#attempts[index] = {
          ...attempt,
          ended: {...attempt.start, outcome: status, durationMs: endedAt - attempt.start.startedAt},
        };
      }
    });
    this.#write(
      this.#attempts.map((_, index) => index),
      true,
    );
  }

  /**
   * Adds the attempts that the call's ending lists but that were never reported as they ran (an Llm that does
   * not report them): their start is estimated from the durations of the attempts before them.
   */
  #addUnreported(listed: readonly LlmAttempt[]): void {
    const reported = new Set(this.#attempts.map(attempt => attempt.ended));
    if (listed.every(attempt => reported.has(attempt))) return;
    let startedAt = this.#startedAt;
    const ordered: LoggedAttempt[] = listed.map(attempt => {
      const known = this.#attempts.find(logged => logged.ended === attempt);
      const logged = known ?? {
        id: newLogId(),
        start: {provider: attempt.provider, model: attempt.model, startedAt},
        ended: attempt,
      };
      startedAt = logged.start.startedAt + (attempt.durationMs ?? 0);
      return logged;
    });
    const others = this.#attempts.filter(logged => !ordered.includes(logged));
    this.#attempts.splice(0, this.#attempts.length, ...ordered, ...others);
    // The call's id goes to its first row (replacing the row written for the call, or the first reported one),
    // where the body is.
    const holder = this.#attempts.findIndex(attempt => attempt.id === this.#id);
    if (holder > 0) this.#attempts[holder] = {...this.#attempts[holder], id: newLogId()};
    this.#attempts[0] = {...this.#attempts[0], id: this.#id};
  }

  #write(indices: readonly number[], withResponse = this.#hasEnded): void {
    this.#recordSafely(() => {
      const count = this.#attempts.length;
      const context = this.#rowContext();
      return indices.map(index =>
        attemptRecord(context, this.#attempts[index], {index, count}, text => this.#scrub(text)),
      );
    }, withResponse);
  }

  #writeCallRow(status: LlmCallDraft['status'], endedAt: number | null, error?: unknown): void {
    this.#recordSafely(
      () => [
        callRecord(
          this.#rowContext(),
          {
            id: this.#id,
            status,
            startedAt: this.#startedAt,
            firstChunkAt: this.#firstChunkAt,
            endedAt,
            ...(this.#usage === undefined ? {} : {usage: this.#usage}),
            ...(error === undefined ? {} : {error}),
          },
          text => this.#scrub(text),
        ),
      ],
      endedAt !== null,
    );
  }

  /**
   * The response as the stream gave it: the text, the reasoning, the object or why there is none, and the tool
   * calls that ended.
   */
  #response(): LlmResponseBody {
    const error = this.#error;
    return {
      text: this.#text.join(''),
      reasoning: this.#reasoning.join(''),
      ...(this.#object === undefined ? {} : {object: this.#object.value}),
      ...(LlmObjectError.isInstance(error) ? {objectError: {kind: error.kind, issues: error.issues}} : {}),
      ...(LlmRefusalError.isInstance(error) ? {refusal: error.refusal} : {}),
      ...(this.#toolCalls.length === 0 ? {} : {toolCalls: this.#toolCalls}),
    };
  }

  // The core redacts the errors of the calls it makes; this also covers an Llm of the app's own and a key given
  // to the log only.
  #scrub(text: string): string {
    return redactSecrets(text, this.#options.apiKey);
  }

  #recordSafely(drafts: () => LlmCallDraft[], withResponse: boolean): void {
    const {log, request} = this.#options;
    // Logging never fails the call: a bug or a full buffer here is reported, not thrown into the stream.
    try {
      log._record(drafts(), this.#apiKeyHash, {
        id: this.#id,
        traceId: this.#context.traceId,
        ...(request === undefined ? {} : {request}),
        ...(this.#output === undefined ? {} : {output: this.#output}),
        ...(this.#tools === undefined ? {} : {tools: this.#tools}),
        ...(this.#images === undefined ? {} : {images: this.#images}),
        response: withResponse ? this.#response() : null,
      });
    } catch (failure) {
      log._report(new LlmLogError('write', 'llm-rx/logging: could not record a call.', failure));
    }
  }
}

/**
 * The request's output as the adapters get it, for the body: its name, description and JSON Schema.
 * @returns `undefined` for prose, or for an output the core refuses (the call then fails as an invalid request).
 */
function resolvedOutput(request: LlmRequest | undefined): ResolvedLlmOutput | undefined {
  if (request?.output === undefined) return undefined;
  try {
    return resolveLlmOutput(request.output);
  } catch {
    return undefined;
  }
}

/**
 * The request's tools as the adapters get them, for the body: each one's name, description and input JSON Schema.
 * @returns `undefined` without tools, or for tools the core refuses (the call then fails as an invalid request).
 */
function resolvedTools(request: LlmRequest | undefined): readonly ResolvedLlmTool[] | undefined {
  if (request?.tools === undefined) return undefined;
  try {
    return resolveLlmTools(request);
  } catch {
    return undefined;
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
