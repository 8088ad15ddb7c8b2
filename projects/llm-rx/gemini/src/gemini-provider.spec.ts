import {
  createLlm,
  LlmConfigurationError,
  LlmPriceTable,
  LlmProviderError,
  LlmTimeoutError,
  LlmTruncationError,
  registerLlmProvider,
  type LlmChunk,
  type LlmRequest,
  type LlmUsage,
} from 'llm-rx';
import {
  fetchMockRequests,
  MOCK_PROVIDERS_URL,
  MOCK_SCENARIO_HEADER,
  mockScenario,
  waitForMockRequest,
  type MockScenario,
} from 'llm-rx/testing';
import type {Observable} from 'rxjs';
import {createGeminiLlm, geminiProvider, type GeminiOptions} from './gemini-provider';

// Specs of the real @google/genai SDK against the mock provider server (projects/mock-providers, port 4010).

const MODEL = 'gemini-2.5-flash';
const API_KEY = 'AIza-llm-rx-spec-secret-0123456789';
const RUN = Math.random().toString(36).slice(2, 8);
let counter = 0;

/** A tag no other spec (or earlier run) uses, so a spec finds only its own requests in the mock's log. */
function uniqueTag(name: string): string {
  return `gemini-${name}-${RUN}-${++counter}`;
}

function llm(options: GeminiOptions = {}) {
  return createGeminiLlm(MODEL, {apiKey: API_KEY, baseURL: MOCK_PROVIDERS_URL, ...options});
}

function requestFor(scenario: MockScenario, request: LlmRequest = {userPrompt: 'Hi'}): LlmRequest {
  return {...request, headers: {...request.headers, [MOCK_SCENARIO_HEADER]: mockScenario(scenario)}};
}

interface Outcome {
  readonly chunks: LlmChunk[];
  readonly error?: unknown;
}

/** Subscribes and resolves once the stream completes or errors, with everything it emitted. */
function outcomeOf(stream: Observable<LlmChunk>): Promise<Outcome> {
  return new Promise(resolve => {
    const chunks: LlmChunk[] = [];
    stream.subscribe({
      next: chunk => chunks.push(chunk),
      error: (error: unknown) => resolve({chunks, error}),
      complete: () => resolve({chunks}),
    });
  });
}

function textOf(chunks: readonly LlmChunk[]): string {
  return chunks.map(chunk => (chunk.type === 'text-delta' ? chunk.text : '')).join('');
}

function providerErrorOf(outcome: Outcome): LlmProviderError {
  expect(LlmProviderError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
  return outcome.error as LlmProviderError;
}

describe('createGeminiLlm against the mock provider server', () => {
  it('streams reasoning and text, then usage with cached and reasoning tokens priced from the default table', async () => {
    const tag = uniqueTag('usage');
    const scenario = {
      tag,
      text: 'Hello from the Gemini mock',
      chunks: 3,
      reasoning: 2,
      inputTokens: 1000,
      cachedTokens: 400,
    };
    const outcome = await outcomeOf(llm().stream(requestFor({...scenario, outputTokens: 50, reasoningTokens: 20})));

    expect(outcome.error).toBeUndefined();
    expect(textOf(outcome.chunks)).toBe('Hello from the Gemini mock');
    expect(outcome.chunks.filter(chunk => chunk.type === 'reasoning-delta').length).toBe(2);
    // Reasoning comes first, the usage part last.
    expect(outcome.chunks[0].type).toBe('reasoning-delta');
    const last = outcome.chunks[outcome.chunks.length - 1];
    expect(last.type).toBe('usage');
    const usage = (last as {usage: LlmUsage}).usage;
    expect(usage).toEqual(
      jasmine.objectContaining({
        provider: 'gemini',
        model: MODEL,
        inputTokens: 1000,
        cachedInputTokens: 400,
        cacheWriteTokens: 0,
        outputTokens: 50,
        reasoningTokens: 20,
        finishReason: {unified: 'stop', raw: 'STOP'},
      }),
    );
    const price = LlmPriceTable.default.priceOf('gemini', MODEL);
    expect(price?.cachedInputPerMillion).toBeDefined();
    const inputCost = (600 * price!.inputPerMillion + 400 * price!.cachedInputPerMillion!) / 1e6;
    const outputCost = (50 * price!.outputPerMillion) / 1e6;
    expect(usage.inputCost).toBeCloseTo(inputCost, 12);
    expect(usage.outputCost).toBeCloseTo(outputCost, 12);
    expect(usage.totalCost).toBeCloseTo(inputCost + outputCost, 12);
    expect(usage.timeToFirstChunkMs).not.toBeNull();
  });

  it('sends the system prompt, conversation, sampling and headers as the Gemini API expects', async () => {
    const tag = uniqueTag('request');
    const request: LlmRequest = {
      messages: [
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: 'Hello!'},
        {role: 'user', content: 'Bye'},
      ],
      systemPrompt: 'Be brief.',
      temperature: 0.4,
      topP: 0.8,
      maxTokens: 128,
      stopSequences: ['END'],
      headers: {'x-per-request': 'r1'},
    };
    const outcome = await outcomeOf(llm({headers: {'x-per-llm': 'l1'}}).stream(requestFor({tag}, request)));
    expect(outcome.error).toBeUndefined();

    const record = await waitForMockRequest(tag, candidate => candidate.completed);
    expect(record.wire).toBe('gemini');
    expect(record.path).toContain(`/models/${MODEL}:streamGenerateContent`);
    expect(record.headers['x-goog-api-key']).toBe('***');
    expect(record.headers['x-per-llm']).toBe('l1');
    expect(record.headers['x-per-request']).toBe('r1');
    expect(record.body).toEqual(
      jasmine.objectContaining({
        contents: [
          {role: 'user', parts: [{text: 'Hi'}]},
          {role: 'model', parts: [{text: 'Hello!'}]},
          {role: 'user', parts: [{text: 'Bye'}]},
        ],
        systemInstruction: jasmine.objectContaining({parts: [{text: 'Be brief.'}]}),
        generationConfig: jasmine.objectContaining({
          temperature: 0.4,
          topP: 0.8,
          maxOutputTokens: 128,
          stopSequences: ['END'],
        }),
      }),
    );
  });

  it('is cold: no request before subscription, one request per subscription', async () => {
    const tag = uniqueTag('cold');
    const stream = llm().stream(requestFor({tag, chunks: 2}));
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(await fetchMockRequests(tag)).toEqual([]);

    await outcomeOf(stream);
    expect((await fetchMockRequests(tag)).length).toBe(1);
    await outcomeOf(stream);
    expect((await fetchMockRequests(tag)).length).toBe(2);
  });

  it('maps every HTTP error to an LlmProviderError with its status and retryability, never quoting the key', async () => {
    const cases = [
      {status: 400, isRetryable: false},
      {status: 401, isRetryable: false},
      {status: 404, isRetryable: false},
      {status: 429, isRetryable: false},
      {status: 500, isRetryable: true},
      {status: 503, isRetryable: true},
      {status: 529, isRetryable: false},
    ];
    const outcomes = await Promise.all(
      cases.map(({status}) => outcomeOf(llm().stream(requestFor({tag: uniqueTag(`status-${status}`), status})))),
    );
    outcomes.forEach((outcome, index) => {
      const {status, isRetryable} = cases[index];
      const error = providerErrorOf(outcome);
      expect(outcome.chunks).toEqual([]);
      expect(error.statusCode).withContext(String(status)).toBe(status);
      expect(error.isRetryable).withContext(String(status)).toBe(isRetryable);
      expect(error.provider).toBe('gemini');
      expect(error.message).toMatch(new RegExp(`^llm-rx: gemini answered HTTP ${status} for ${MODEL}`));
      expect(error.message).not.toContain(API_KEY);
      expect(JSON.stringify(error.responseBody)).not.toContain(API_KEY);
    });
  });

  it('takes the 429 retry delay from the RetryInfo in the body (Gemini errors carry no headers)', async () => {
    const outcome = await outcomeOf(
      llm().stream(requestFor({tag: uniqueTag('retry-info'), status: 429, retryAfter: 2})),
    );
    const error = providerErrorOf(outcome);
    expect(error.statusCode).toBe(429);
    expect(error.retryAfterMs).toBe(2000);
  });

  it('delivers the content before a mid-stream error, which is a retryable 500', async () => {
    const outcome = await outcomeOf(llm().stream(requestFor({tag: uniqueTag('mid-error'), chunks: 4, errorAfter: 2})));
    expect(textOf(outcome.chunks)).toBe('w1 w2');
    expect(outcome.chunks.every(chunk => chunk.type === 'text-delta')).toBeTrue();
    const error = providerErrorOf(outcome);
    expect(error.statusCode).toBe(500);
    expect(error.isRetryable).toBeTrue();
    expect(error.message).toContain('in its stream');
  });

  it('closes the connection when the subscriber unsubscribes mid-stream', async () => {
    const tag = uniqueTag('unsubscribe');
    const received: LlmChunk[] = [];
    let isErrored = false;
    const subscription = llm()
      .stream(requestFor({tag, chunks: 20, chunkDelay: 50}))
      .subscribe({next: chunk => received.push(chunk), error: () => (isErrored = true)});
    while (received.length === 0) await new Promise(resolve => setTimeout(resolve, 10));
    subscription.unsubscribe();

    const record = await waitForMockRequest(tag, candidate => candidate.closedEarly);
    expect(record.completed).toBeFalse();
    // The SDK throws AbortError from its loop; the unsubscribed caller never sees it.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(isErrored).toBeFalse();
    expect(received.length).toBeLessThan(20);
  });

  it('times out when the server stalls before the first chunk', async () => {
    const tag = uniqueTag('stall');
    const outcome = await outcomeOf(llm({firstChunkTimeoutMs: 300}).stream(requestFor({tag, stallAfter: 0})));
    expect(LlmTimeoutError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect((outcome.error as LlmTimeoutError).info.kind).toBe('first-chunk');
    // The timeout unsubscribes, which closes the stalled connection.
    await waitForMockRequest(tag, candidate => candidate.closedEarly);
  });

  it('fails clearly on a malformed event', async () => {
    const outcome = await outcomeOf(
      llm().stream(requestFor({tag: uniqueTag('malformed'), chunks: 3, malformedAfter: 1})),
    );
    expect(textOf(outcome.chunks)).toBe('w1');
    const error = providerErrorOf(outcome);
    expect(error.message).toContain('malformed');
    expect(error.isRetryable).toBeTrue();
  });

  it('fails clearly when the stream ends without its final chunk', async () => {
    const outcome = await outcomeOf(llm().stream(requestFor({tag: uniqueTag('no-final'), chunks: 2, noFinal: true})));
    expect(textOf(outcome.chunks)).toBe('w1 w2');
    expect(providerErrorOf(outcome).message).toContain('ended before its final event');
  });

  it('maps a dropped connection to a retryable error', async () => {
    const outcome = await outcomeOf(llm().stream(requestFor({tag: uniqueTag('drop'), chunks: 3, dropAfter: 1})));
    expect(textOf(outcome.chunks)).toBe('w1');
    const error = providerErrorOf(outcome);
    expect(error.statusCode).toBeUndefined();
    expect(error.isRetryable).toBeTrue();
  });

  it('raises LlmTruncationError with the partial content on MAX_TOKENS', async () => {
    const outcome = await outcomeOf(
      llm().stream(
        requestFor(
          {tag: uniqueTag('length'), text: 'A cut answer', chunks: 3, finish: 'length'},
          {userPrompt: 'Hi', maxTokens: 3},
        ),
      ),
    );
    expect(LlmTruncationError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    const error = outcome.error as LlmTruncationError;
    expect(error.partialContent).toBe('A cut answer');
    expect(error.maxTokens).toBe(3);
    expect(error.usage.finishReason).toEqual({unified: 'length', raw: 'MAX_TOKENS'});
  });

  it('reports a SAFETY finish as content-filter', async () => {
    const outcome = await outcomeOf(
      llm().stream(requestFor({tag: uniqueTag('safety'), chunks: 2, finish: 'content-filter'})),
    );
    expect(outcome.error).toBeUndefined();
    const usage = (outcome.chunks[outcome.chunks.length - 1] as {usage: LlmUsage}).usage;
    expect(usage.finishReason).toEqual({unified: 'content-filter', raw: 'SAFETY'});
  });

  it('sends a placeholder key when none is given, for a proxy that adds the real one', async () => {
    const tag = uniqueTag('no-key');
    const outcome = await outcomeOf(
      createGeminiLlm(MODEL, {baseURL: MOCK_PROVIDERS_URL}).stream(requestFor({tag, chunks: 1})),
    );
    expect(outcome.error).toBeUndefined();
    const record = await waitForMockRequest(tag);
    expect(record.headers['x-goog-api-key']).toBe('***');
  });
});

describe('geminiProvider', () => {
  it('registers under "gemini" and creates Gemini models', () => {
    const unregister = registerLlmProvider(geminiProvider);
    try {
      const model = createLlm('gemini', MODEL, {apiKey: API_KEY});
      expect(model.provider).toBe('gemini');
      expect(model.model).toBe(MODEL);
    } finally {
      unregister();
    }
  });

  it('rejects an empty model id', () => {
    expect(() => createGeminiLlm(' ')).toThrowMatching(error => LlmConfigurationError.isInstance(error));
  });
});
