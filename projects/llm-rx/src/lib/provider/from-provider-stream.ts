import {defer, Observable, throwError} from 'rxjs';
import {reportLlmAttempt} from '../attempts/report-llm-attempt';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmAbortError} from '../errors/llm-abort-error';
import {LlmError} from '../errors/llm-error';
import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmRefusalError} from '../errors/llm-refusal-error';
import {LlmTruncationError} from '../errors/llm-truncation-error';
import {LlmObjectAssembler} from '../object/llm-object-assembler';
import {LlmToolCallAssembler} from '../tools/llm-tool-call-assembler';
import {redactLlmError} from './redact-llm-error';
import {priceLlmUsage} from '../pricing/price-llm-usage';
import type {LlmPriceTable} from '../pricing/llm-price-table';
import {DEFAULT_FIRST_CHUNK_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS} from '../timeouts/default-chunk-timeouts';
import type {LlmRequest} from '../request/llm-request';
import {_checkLlmRequest, type ResolvedLlmSchemas} from '../request/validate-llm-request';
import {chunkTimeouts} from '../timeouts/chunk-timeouts';
import {_checkLlmImages} from '../image/check-llm-images';
import type {LlmImageInput} from '../image/llm-image-input';
import {_resolveLlmImages} from '../image/resolve-llm-images';
import type {LlmUsage} from '../usage/llm-usage';
import type {ProviderEventSource} from './provider-event-mapper';
import {mapProviderError} from './provider-failure-errors';
import {providerStreamError} from './provider-http-errors';
import type {ProviderFinishEvent, ProviderResponseMetadataEvent, ProviderStreamEvent} from './provider-stream-event';

/**
 * How `fromProviderStream()` runs one provider call.
 * @typeParam TEvent The SDK's stream event.
 */
export interface ProviderStreamConfig<TEvent = unknown> {
  readonly provider: string;
  readonly model: string;
  readonly request: LlmRequest;
  /**
   * Sends the request and returns the SDK's stream with a new mapper of its events. Called once per subscription,
   * at subscribe time, so that every provider starts its request then (a cascade can fail over even where an SDK
   * would start lazily). The stream must stop when `signal` aborts. `schemas` are the request's output and tools,
   * resolved once when the request was checked (see `LlmProviderCall.output` and `.tools`). `request` is the
   * config's request with its `Blob` images read into base64 `data:` URLs: build the body from it.
   */
  readonly open: (
    signal: AbortSignal,
    schemas: ResolvedLlmSchemas,
    request: LlmRequest,
  ) => Promise<ProviderEventSource<TEvent>>;
  /**
   * What the provider accepts of images, checked before any network call; without it, a request with an image
   * fails with `LlmInvalidRequestError`.
   */
  readonly imageInput?: LlmImageInput;
  /**
   * Recognises an SDK error: returns an `LlmProviderError` (or another `LlmError`) for what only this SDK can tell,
   * anything else (`undefined`) for the rest. It runs inside `mapProviderError()`, which passes llm-rx errors
   * through without it and maps what it leaves (or throws on) as a connection, malformed-stream or other error.
   */
  readonly mapError: (error: unknown) => unknown;
  /**
   * The API key in use, cut out of every error this call emits (message, stack, response body and the whole
   * `cause` chain, see `redactLlmError()`), with anything shaped like a key.
   */
  readonly apiKey?: string;
  readonly priceTable?: LlmPriceTable;
  /** `null` disables it; default 120000 ms. */
  readonly firstChunkTimeoutMs?: number | null;
  /** `null` disables it; default 60000 ms. */
  readonly idleTimeoutMs?: number | null;
  /** The clock for timing, in milliseconds; defaults to `performance.now()`. */
  readonly clock?: () => number;
}

/**
 * Builds the cold `Observable<LlmChunk>` of one provider call from an SDK's stream and an adapter's mapper of its
 * events (see `ProviderEventMapper`): validates the request (and its images, against `imageInput`) before any
 * network call, reads its `Blob` images into base64, starts the request at
 * subscribe time with one `AbortController` per subscriber, aborts it on unsubscribe (or on `request.signal`,
 * with an `LlmAbortError`), times the first chunk and the whole call, prices the usage (and names the response
 * in it: the last `responseId` and `responseModel` of the mapper's `response-metadata` events), detects a missing
 * final event and a truncated answer, applies the first-chunk and idle timeouts, and reports the request as one
 * attempt of its call (`reportLlmAttempt()`). Every error it emits is an `LlmError`.
 *
 * Provider entry points build on it; so can your own adapter.
 * @param config The provider call.
 * @returns Content chunks, then one usage part, then completion; or an error.
 * @typeParam TEvent The SDK's stream event.
 */
export function fromProviderStream<TEvent>(config: ProviderStreamConfig<TEvent>): Observable<LlmChunk> {
  const {provider, model, request} = config;
  return defer(() => {
    // Checked before anything is sent or reported: an invalid request is no attempt of the call.
    const schemas = _checkLlmRequest(request);
    _checkLlmImages(request, config.imageInput, provider);
    if (request.signal?.aborted) return throwError(() => new LlmAbortError(provider, request.signal?.reason));
    return providerCall(config, schemas).pipe(
      chunkTimeouts({
        firstChunkMs:
          config.firstChunkTimeoutMs === undefined ? DEFAULT_FIRST_CHUNK_TIMEOUT_MS : config.firstChunkTimeoutMs,
        idleMs: config.idleTimeoutMs === undefined ? DEFAULT_IDLE_TIMEOUT_MS : config.idleTimeoutMs,
        provider,
        model,
      }),
      reportLlmAttempt(request, {provider, model}),
    );
  });
}

/** The request itself: the SDK's stream, mapped, ended by its final event. */
function providerCall<TEvent>(config: ProviderStreamConfig<TEvent>, schemas: ResolvedLlmSchemas): Observable<LlmChunk> {
  return new Observable<LlmChunk>(subscriber => {
    const {provider, model, request} = config;
    const clock = config.clock ?? (() => performance.now());
    const startedAt = clock();
    // Priced at the time the request was sent, for providers whose prices change with the time of day.
    const sentAt = new Date();
    const controller = new AbortController();
    // The one place where a provider call's errors are made safe: whatever an SDK or an upstream quoted goes.
    const fail = (error: LlmError) => subscriber.error(redactLlmError(error, [config.apiKey]));
    // A caller's outer signal cancels like an unsubscribe does, but the caller is still there to be told why.
    const outerSignal = request.signal;
    const onOuterAbort = () => {
      controller.abort();
      // The caller's own reason, kept as it is: nothing from the provider is in it.
      subscriber.error(new LlmAbortError(provider, outerSignal?.reason));
    };
    outerSignal?.addEventListener('abort', onOuterAbort, {once: true});

    let firstChunkAt: number | null = null;
    let text = '';
    let finish: ProviderFinishEvent | undefined;
    // Who answered, from the mapper's response-metadata events: each field's last value goes in the usage.
    let metadata: Omit<ProviderResponseMetadataEvent, 'type'> = {};
    let prepareObject: ((value: unknown) => unknown) | undefined;
    // A request for an object: its JSON text is parsed as it streams, and validated at the end.
    const assembler = request.output === undefined ? undefined : new LlmObjectAssembler(request.output);
    // A request with tools: each call's arguments are parsed as they stream, and validated at the call's end.
    const toolCalls = request.tools === undefined ? undefined : new LlmToolCallAssembler(request.tools);
    // Once a part had to wait (a tool input validated asynchronously), every later part waits its turn behind it.
    let backlog: Promise<void> | undefined;
    const deliver = (chunk: LlmChunk | Promise<LlmChunk>) => {
      if (backlog === undefined && !(chunk instanceof Promise)) {
        subscriber.next(chunk);
        return;
      }
      backlog = (backlog ?? Promise.resolve())
        .then(() => chunk)
        .then(ready => {
          if (!subscriber.closed) subscriber.next(ready);
        });
    };
    const emit = (event: ProviderStreamEvent) => {
      // Text first, and straight to the subscriber while nothing waits: the path almost every chunk takes.
      if (event.type === 'text-delta') {
        firstChunkAt ??= clock();
        if (backlog === undefined) subscriber.next(event);
        else deliver(event);
        text += event.text;
        const partial = assembler?.push(event.text);
        if (partial !== undefined) deliver(partial);
        return;
      }
      switch (event.type) {
        case 'finish':
          finish = event;
          return;
        case 'response-metadata':
          metadata = {
            responseId: event.responseId ?? metadata.responseId,
            responseModel: event.responseModel ?? metadata.responseModel,
          };
          return;
        case 'reasoning-delta':
          firstChunkAt ??= clock();
          deliver(event);
          return;
        default: {
          const part =
            event.type === 'tool-call-start'
              ? toolCalls?.start(event)
              : event.type === 'tool-call-delta'
                ? toolCalls?.delta(event)
                : toolCalls?.end(event);
          if (part === undefined) return;
          firstChunkAt ??= clock();
          deliver(part);
        }
      }
    };
    const succeed = (usage: LlmUsage) => {
      const complete = () => {
        if (subscriber.closed) return;
        subscriber.next({type: 'usage', usage});
        subscriber.complete();
      };
      if (backlog === undefined) complete();
      else void backlog.then(complete);
    };
    const run = async () => {
      const sent = await _resolveLlmImages(request, controller.signal);
      const {events, mapper, prepareObject: prepare} = await config.open(controller.signal, schemas, sent);
      prepareObject = prepare;
      // The SDK's own stream, mapped synchronously: no promise per chunk beyond the SDK's.
      for await (const event of events) {
        const mapped = mapper.next(event);
        if (mapped === undefined) continue;
        if (isEventList(mapped)) mapped.forEach(emit);
        else emit(mapped);
        if (finish !== undefined && mapper.done === true) break;
      }
      const last = mapper.end?.();
      if (last !== undefined) emit(last);
    };
    run().then(
      () => {
        // OpenAI and Anthropic end their loop silently on abort: nothing more to report to a gone subscriber.
        if (controller.signal.aborted) return;
        if (!finish) {
          fail(
            new LlmProviderError(
              `llm-rx: the ${provider} stream for ${model} ended before its final event ` +
                '(no usage or finish reason): the connection was cut or the server is faulty. Try again.',
              {provider, model, kind: 'incomplete-stream', isRetryable: true},
            ),
          );
          return;
        }
        // A faulty price table must fail this call, not throw out of a promise callback no one awaits.
        let usage: LlmUsage;
        // Some providers (Gemini) say `stop` when the answer is tool calls: the unified reason says tool-calls.
        if (toolCalls !== undefined && toolCalls.count > 0 && finish.finishReason.unified === 'stop') {
          finish = {...finish, finishReason: {...finish.finishReason, unified: 'tool-calls'}};
        }
        try {
          usage = summarise(config, finish, metadata, sentAt, startedAt, firstChunkAt, clock());
        } catch (error) {
          fail(
            new LlmProviderError(`llm-rx: could not price the ${provider} usage for ${model}: ${messageOf(error)}`, {
              provider,
              model,
              isRetryable: false,
              cause: error,
            }),
          );
          return;
        }
        if (finish.finishReason.unified === 'error' || finish.errorMessage !== undefined) {
          fail(
            providerStreamError({
              provider,
              model,
              detail: finish.errorMessage ?? finish.finishReason.raw ?? undefined,
              usage,
              responseBody: finish.errorMessage,
            }),
          );
        } else if (finish.finishReason.unified === 'length') {
          fail(new LlmTruncationError(text, usage, request.maxTokens));
        } else if (assembler === undefined) {
          toolCalls?.endAll().forEach(deliver);
          succeed(usage);
        } else if (finish.refusal !== undefined || finish.finishReason.unified === 'content-filter') {
          fail(new LlmRefusalError(finish.refusal ?? text, usage));
        } else {
          assembler.finish(text, usage, prepareObject).then(
            object => {
              if (subscriber.closed) return;
              subscriber.next(object);
              succeed(usage);
            },
            (error: unknown) => {
              if (subscriber.closed) return;
              fail(
                LlmError.isInstance(error)
                  ? error
                  : new LlmError(
                      `llm-rx: the ${provider} answer's object could not be validated: ${messageOf(error)}`,
                      {
                        cause: error,
                      },
                    ),
              );
            },
          );
        }
      },
      error => {
        // Gemini and Cohere throw AbortError when aborted: the unsubscribed caller must not see it.
        if (controller.signal.aborted) return;
        fail(mapProviderError(error, config, config.mapError));
      },
    );
    return () => {
      outerSignal?.removeEventListener('abort', onOuterAbort);
      // Unsubscribing mid-stream closes the HTTP connection; after completion this is a no-op.
      controller.abort();
    };
  });
}

// Narrows the mapper's result (Array.isArray does not narrow a readonly array out of a union).
function isEventList(
  mapped: ProviderStreamEvent | readonly ProviderStreamEvent[],
): mapped is readonly ProviderStreamEvent[] {
  return Array.isArray(mapped);
}

function summarise(
  config: ProviderStreamConfig,
  finish: ProviderFinishEvent,
  metadata: Omit<ProviderResponseMetadataEvent, 'type'>,
  sentAt: Date,
  startedAt: number,
  firstChunkAt: number | null,
  endedAt: number,
): LlmUsage {
  const cost = priceLlmUsage(config.provider, config.model, finish.tokens, config.priceTable, sentAt);
  return {
    provider: config.provider,
    model: config.model,
    ...finish.tokens,
    ...cost,
    timeToFirstChunkMs: firstChunkAt === null ? null : firstChunkAt - startedAt,
    responseTimeMs: endedAt - startedAt,
    finishReason: finish.finishReason,
    // Absent, not undefined, when the provider sent none.
    ...(metadata.responseId !== undefined && {responseId: metadata.responseId}),
    ...(metadata.responseModel !== undefined && {responseModel: metadata.responseModel}),
    // Filled by reportLlmAttempt(), the one maker of attempt records.
    attempts: [],
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
