/*
 * The behaviour every provider adapter must show against the mock provider server (port 4010), shared by the
 * openai, deepseek, anthropic, gemini and cohere specs. Real SDK, real timers, one unique tag per spec.
 * It defines no specs by itself: call describeMockServerMatrix() inside a describe().
 */
import type {Llm, LlmChunk, LlmProviderOptions, LlmUsage} from 'llm-rx';
import {LlmPriceTable, LlmProviderError, LlmTimeoutError, LlmTruncationError} from 'llm-rx';
import {fetchMockRequests, waitForMockRequest} from '@llm-rx/mock-providers';
import {scenarioRequest, uniqueTag} from './scenario-request';
import {runStream, type StreamOutcome} from './run-stream';

/** The adapter under test. */
export interface MockServerTarget {
  /** Tag prefix, unique per target. */
  readonly label: string;
  /** The provider name expected in usage and errors. */
  readonly provider: string;
  readonly model: string;
  /** The API key the specs use; it must never appear in an error message. */
  readonly apiKey: string;
  /** Creates the model pointed at the mock server. */
  readonly create: (options: LlmProviderOptions) => Llm;
  /** Whether the wire streams the mock's reasoning chunks as reasoning deltas. */
  readonly streamsReasoning: boolean;
  /** Whether the wire reports cache writes. */
  readonly reportsCacheWrites: boolean;
  /** Whether the wire reports reasoning tokens in its usage (Cohere bills none separately); default true. */
  readonly reportsReasoningTokens?: boolean;
  /** Whether the wire has a content-filter finish reason (Cohere has none); default true. */
  readonly reportsContentFilter?: boolean;
  /** Whether an HTTP error carries the request id of the response headers (Gemini's errors carry none); default true. */
  readonly reportsRequestId?: boolean;
  /** The request header that carries the key, masked as `***` by the mock; default `authorization`. */
  readonly apiKeyHeader?: string;
  /** What an HTTP error's response body must equal (a jasmine matcher may be used); unchecked when absent. */
  readonly errorBody?: unknown;
  /** The status code of an error event in the stream; default none. */
  readonly midStreamStatusCode?: number;
  /** Whether an error event in the stream is retryable; default true. */
  readonly midStreamIsRetryable?: boolean;
  /** Text the message of an error event in the stream must contain; unchecked when absent. */
  readonly midStreamMessage?: string;
  /** The shape of the provider's response ids (`chatcmpl-…`, `msg_…`, a UUID) that `usage.responseId` must have. */
  readonly responseIdPattern: RegExp;
  /**
   * Whether the wire names the answering model, the usage's `responseModel` then being the model asked for (the
   * mock echoes it); Cohere streams none, so it must be absent. Default true.
   */
  readonly reportsResponseModel?: boolean;
  /** The raw finish reasons of the wire, checked when given. */
  readonly rawFinishReasons?: {readonly stop: string; readonly length: string; readonly contentFilter?: string};
}

function textOf(chunks: readonly LlmChunk[], type: 'text-delta' | 'reasoning-delta' = 'text-delta'): string {
  return chunks.map(chunk => (chunk.type === type ? chunk.text : '')).join('');
}

function usageOf(chunks: readonly LlmChunk[]): LlmUsage | undefined {
  const last = chunks[chunks.length - 1];
  return last?.type === 'usage' ? last.usage : undefined;
}

function providerError(outcome: StreamOutcome): LlmProviderError {
  expect(LlmProviderError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
  return outcome.error as LlmProviderError;
}

/**
 * Defines the mock-server specs of one adapter.
 * @param target The adapter and what its wire supports.
 */
export function describeMockServerMatrix(target: MockServerTarget): void {
  const llm = (options: LlmProviderOptions = {}) => target.create({apiKey: target.apiKey, ...options});
  const tag = (name: string) => uniqueTag(target.label, name);
  const TEXT = 'Hello there, this is the mock provider speaking.';
  const reasoningTokens = (target.reportsReasoningTokens ?? true) ? 20 : 0;

  it('streams text and reasoning, then one usage part with tokens, cost, timing and finish reason', async () => {
    const scenarioTag = tag('text');
    const cacheWriteTokens = target.reportsCacheWrites ? 100 : 0;
    const outcome = await runStream(
      llm().stream(
        scenarioRequest({
          tag: scenarioTag,
          text: TEXT,
          chunks: 4,
          reasoning: 2,
          inputTokens: 1000,
          cachedTokens: 400,
          cacheWriteTokens,
          outputTokens: 50,
          reasoningTokens: 20,
        }),
      ),
    );
    expect(outcome.error).toBeUndefined();
    expect(outcome.completed).toBeTrue();
    expect(textOf(outcome.chunks)).toBe(TEXT);
    expect(outcome.chunks.filter(chunk => chunk.type === 'text-delta').length).toBe(4);
    expect(outcome.chunks.filter(chunk => chunk.type === 'reasoning-delta').length).toBe(
      target.streamsReasoning ? 2 : 0,
    );
    if (target.streamsReasoning) {
      // Reasoning comes before the answer.
      expect(outcome.chunks[0].type).toBe('reasoning-delta');
      expect(textOf(outcome.chunks, 'reasoning-delta')).not.toBe('');
    }
    expect(outcome.chunks.filter(chunk => chunk.type === 'usage').length).toBe(1);
    const usage = usageOf(outcome.chunks);
    expect(usage).toBeDefined();
    if (!usage) return;
    expect(usage.provider).toBe(target.provider);
    expect(usage.model).toBe(target.model);
    expect(usage.inputTokens).toBe(1000);
    expect(usage.cachedInputTokens).toBe(400);
    expect(usage.cacheWriteTokens).toBe(cacheWriteTokens);
    expect(usage.outputTokens).toBe(50);
    expect(usage.reasoningTokens).toBe(reasoningTokens);
    expect(usage.finishReason.unified).toBe('stop');
    if (target.rawFinishReasons) expect(usage.finishReason.raw).toBe(target.rawFinishReasons.stop);
    expect(usage.timeToFirstChunkMs).not.toBeNull();
    expect(usage.responseTimeMs).toBeGreaterThanOrEqual(usage.timeToFirstChunkMs ?? 0);
    // Who answered, as the provider names it, on the usage and on the answering attempt.
    expect(usage.responseId).toMatch(target.responseIdPattern);
    if (target.reportsResponseModel ?? true) expect(usage.responseModel).toBe(target.model);
    else
      expect('responseModel' in usage)
        .withContext('a responseModel the wire never sent')
        .toBeFalse();
    expect(usage.attempts.at(-1)).toEqual(
      jasmine.objectContaining({
        responseId: usage.responseId,
        ...(usage.responseModel && {responseModel: usage.responseModel}),
      }),
    );

    const table = LlmPriceTable.default;
    const price = table.priceOf(target.provider, target.model);
    expect(price).withContext(`${target.provider} ${target.model} must have a default price`).toBeDefined();
    if (!price) return;
    // A cache read or write without a rate of its own costs the input rate, for every provider.
    const inputCost =
      ((1000 - 400 - cacheWriteTokens) * price.inputPerMillion +
        400 * (price.cachedInputPerMillion ?? price.inputPerMillion) +
        cacheWriteTokens * (price.cacheWritePerMillion ?? price.inputPerMillion)) /
      1e6;
    const outputCost = (50 * price.outputPerMillion) / 1e6;
    expect(usage.inputCost).toBeCloseTo(inputCost, 12);
    expect(usage.outputCost).toBeCloseTo(outputCost, 12);
    expect(usage.totalCost).toBeCloseTo(inputCost + outputCost, 12);
    // Cached reads are cheaper than fresh input, so pricing them as fresh would be caught here (a model without a
    // cache rate, Cohere's, bills them at the input rate, as computed above).
    if (price.cachedInputPerMillion !== undefined)
      expect(price.cachedInputPerMillion).toBeLessThan(price.inputPerMillion);
  });

  it('sends the key masked, the option headers and the request headers', async () => {
    const scenarioTag = tag('headers');
    const outcome = await runStream(
      llm({headers: {'x-llm-rx-option': 'from-options'}}).stream(
        scenarioRequest({tag: scenarioTag}, {headers: {'x-llm-rx-request': 'from-request'}}),
      ),
    );
    expect(outcome.completed).toBeTrue();
    const [record] = await fetchMockRequests(scenarioTag);
    expect(record.headers['x-llm-rx-option']).toBe('from-options');
    expect(record.headers['x-llm-rx-request']).toBe('from-request');
    expect(record.headers[target.apiKeyHeader ?? 'authorization']).toBe('***');
  });

  it('sends a placeholder key when none is given, for a proxy that adds the real one', async () => {
    const scenarioTag = tag('no-key');
    const outcome = await runStream(
      target.create({}).stream(scenarioRequest({tag: scenarioTag, text: 'ok', chunks: 1})),
    );
    expect(outcome.error).toBeUndefined();
    expect(textOf(outcome.chunks)).toBe('ok');
    // Masked by the mock: it is recorded only when the SDK sent the key header at all.
    const [record] = await fetchMockRequests(scenarioTag);
    expect(record.headers[target.apiKeyHeader ?? 'authorization']).toBe('***');
  });

  const httpErrors: ReadonlyArray<[status: number, isRetryable: boolean]> = [
    [400, false],
    [401, false],
    [404, false],
    [429, false],
    [500, true],
    [503, true],
    [529, false],
  ];
  for (const [status, isRetryable] of httpErrors) {
    it(`raises HTTP ${status} as an LlmProviderError (retryable: ${isRetryable}) without the key`, async () => {
      const scenarioTag = tag(`status-${status}`);
      const retryAfter = status === 429 ? 2 : undefined;
      const outcome = await runStream(llm().stream(scenarioRequest({tag: scenarioTag, status, retryAfter})));
      const error = providerError(outcome);
      expect(outcome.chunks).toEqual([]);
      expect(error.statusCode).toBe(status);
      expect(error.isRetryable).toBe(isRetryable);
      expect(error.provider).toBe(target.provider);
      expect(error.model).toBe(target.model);
      expect(error.message).toMatch(/^llm-rx: /);
      expect(error.message).toContain(String(status));
      expect(error.message).not.toContain(target.apiKey);
      expect(error.responseBody).toBeDefined();
      expect(JSON.stringify(error.responseBody)).not.toContain(target.apiKey);
      if (target.errorBody !== undefined) expect(error.responseBody).toEqual(target.errorBody);
      const [record] = await fetchMockRequests(scenarioTag);
      if (target.reportsRequestId ?? true) expect(error.requestId).toBe(record.id);
      if (retryAfter !== undefined) expect(error.retryAfterMs).toBe(retryAfter * 1000);
    });
  }

  it('delivers the content before a mid-stream error', async () => {
    const outcome = await runStream(llm().stream(scenarioRequest({tag: tag('mid-error'), chunks: 4, errorAfter: 2})));
    expect(outcome.chunks.map(chunk => chunk.type)).toEqual(['text-delta', 'text-delta']);
    const error = providerError(outcome);
    expect(error.statusCode).toBe(target.midStreamStatusCode);
    expect(error.isRetryable).toBe(target.midStreamIsRetryable ?? true);
    expect(error.message).not.toContain(target.apiKey);
    if (target.midStreamMessage !== undefined) expect(error.message).toContain(target.midStreamMessage);
  });

  it('closes the connection when the subscriber unsubscribes mid-stream', async () => {
    const scenarioTag = tag('unsubscribe');
    const received: LlmChunk[] = [];
    let isErrored = false;
    await new Promise<void>(resolve => {
      const subscription = llm()
        .stream(scenarioRequest({tag: scenarioTag, chunks: 20, chunkDelay: 100}))
        .subscribe({
          next: chunk => {
            received.push(chunk);
            subscription.unsubscribe();
            resolve();
          },
          error: () => (isErrored = true),
        });
    });
    expect(received.map(chunk => chunk.type)).toEqual(['text-delta']);
    const record = await waitForMockRequest(scenarioTag, request => request.closedEarly, {timeoutMs: 3000});
    expect(record.completed).toBeFalse();
    // The SDK throws the signal's AbortError from its loop; the unsubscribed caller never sees it.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(isErrored).toBeFalse();
  });

  it('fails with a first-chunk timeout when the stream stalls, and aborts the request', async () => {
    const scenarioTag = tag('stall');
    // The timeout runs from subscription: load the SDK first (it is cached per module), so that the 300 ms measure
    // only the stall and the request surely reaches the server before it.
    expect((await runStream(llm().stream(scenarioRequest({tag: tag('warm')})))).error).toBeUndefined();
    const outcome = await runStream(
      llm({firstChunkTimeoutMs: 300}).stream(scenarioRequest({tag: scenarioTag, stallAfter: 0})),
    );
    expect(LlmTimeoutError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect((outcome.error as LlmTimeoutError).info.kind).toBe('first-chunk');
    expect(outcome.chunks).toEqual([]);
    await waitForMockRequest(scenarioTag, request => request.closedEarly, {timeoutMs: 3000});
  });

  it('fails with an idle timeout when the stream stalls after content', async () => {
    const outcome = await runStream(
      llm({idleTimeoutMs: 300}).stream(scenarioRequest({tag: tag('idle'), chunks: 3, stallAfter: 1})),
    );
    expect(outcome.chunks.length).toBe(1);
    expect(LlmTimeoutError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect((outcome.error as LlmTimeoutError).info.kind).toBe('idle');
  });

  it('raises a clear error for a malformed event', async () => {
    const outcome = await runStream(
      llm().stream(scenarioRequest({tag: tag('malformed'), chunks: 3, malformedAfter: 1})),
    );
    expect(outcome.chunks.length).toBe(1);
    const error = providerError(outcome);
    expect(error.message).toContain('malformed');
    expect(error.isRetryable).toBeTrue();
  });

  it('raises a clear error when the final event is missing', async () => {
    const outcome = await runStream(llm().stream(scenarioRequest({tag: tag('no-final'), chunks: 3, noFinal: true})));
    expect(textOf(outcome.chunks)).not.toBe('');
    expect(outcome.chunks.some(chunk => chunk.type === 'usage')).toBeFalse();
    expect(providerError(outcome).message).toContain('ended before its final event');
  });

  it('raises a retryable error when the connection drops', async () => {
    const outcome = await runStream(llm().stream(scenarioRequest({tag: tag('drop'), chunks: 3, dropAfter: 1})));
    expect(outcome.chunks.length).toBe(1);
    const error = providerError(outcome);
    expect(error.isRetryable).toBeTrue();
    expect(error.statusCode).toBeUndefined();
  });

  it('raises LlmTruncationError with the partial content at the output cap', async () => {
    const outcome = await runStream(
      llm().stream(scenarioRequest({tag: tag('length'), text: TEXT, chunks: 3, finish: 'length'}, {maxTokens: 3})),
    );
    expect(LlmTruncationError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    const error = outcome.error as LlmTruncationError;
    expect(error.partialContent).toBe(TEXT);
    expect(error.maxTokens).toBe(3);
    expect(error.usage.finishReason.unified).toBe('length');
    if (target.rawFinishReasons) expect(error.usage.finishReason.raw).toBe(target.rawFinishReasons.length);
  });

  if (target.reportsContentFilter ?? true) {
    it('completes with a content-filter finish reason', async () => {
      const outcome = await runStream(llm().stream(scenarioRequest({tag: tag('filter'), finish: 'content-filter'})));
      expect(outcome.completed).toBeTrue();
      const finishReason = usageOf(outcome.chunks)?.finishReason;
      expect(finishReason?.unified).toBe('content-filter');
      const raw = target.rawFinishReasons?.contentFilter;
      if (raw !== undefined) expect(finishReason?.raw).toBe(raw);
    });
  }

  it('is cold: no request before subscribe, one per subscription', async () => {
    const scenarioTag = tag('cold');
    const stream = llm().stream(scenarioRequest({tag: scenarioTag}));
    await new Promise(resolve => setTimeout(resolve, 150));
    expect(await fetchMockRequests(scenarioTag)).toEqual([]);
    expect((await runStream(stream)).completed).toBeTrue();
    expect((await fetchMockRequests(scenarioTag)).length).toBe(1);
    expect((await runStream(stream)).completed).toBeTrue();
    expect((await fetchMockRequests(scenarioTag)).length).toBe(2);
  });
}
