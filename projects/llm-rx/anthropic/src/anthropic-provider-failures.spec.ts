import type {Observable} from 'rxjs';
import {LlmProviderError, LlmTimeoutError, LlmTruncationError, type LlmChunk, type LlmUsage} from 'llm-rx';
import {
  fetchMockRequests,
  MOCK_PROVIDERS_URL,
  MOCK_SCENARIO_HEADER,
  mockScenario,
  waitForMockRequest,
  type MockScenario,
} from 'llm-rx/testing';
import {createAnthropicLlm} from './anthropic-provider';

// Failure paths against the mock provider server (node --import tsx projects/mock-providers/src/main.ts), in Node
// and Chromium.
function uniqueTag(name: string): string {
  return `anthropic-${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function run(stream: Observable<LlmChunk>): Promise<{chunks: LlmChunk[]; error?: unknown}> {
  return new Promise(resolve => {
    const chunks: LlmChunk[] = [];
    stream.subscribe({
      next: chunk => chunks.push(chunk),
      error: (error: unknown) => resolve({chunks, error}),
      complete: () => resolve({chunks}),
    });
  });
}

function scenarioHeaders(scenario: MockScenario): Record<string, string> {
  return {[MOCK_SCENARIO_HEADER]: mockScenario(scenario)};
}

const MODEL = 'claude-haiku-4-5';
const API_KEY = 'sk-ant-api03-very-secret-key-4242';

describe('createAnthropicLlm failures against the mock server', () => {
  const llm = createAnthropicLlm(MODEL, {apiKey: API_KEY, baseURL: MOCK_PROVIDERS_URL});

  const statuses: [number, boolean][] = [
    [400, false],
    [401, false],
    [404, false],
    [429, false],
    [500, true],
    [503, true],
    [529, false],
  ];
  for (const [status, isRetryable] of statuses) {
    it(`maps HTTP ${status} to LlmProviderError with retryable ${isRetryable}, request id and no key`, async () => {
      const tag = uniqueTag(`status-${status}`);
      const {chunks, error} = await run(llm.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, status})}));
      expect(chunks).toEqual([]);
      expect(LlmProviderError.isInstance(error)).withContext(String(error)).toBeTrue();
      const providerError = error as LlmProviderError;
      expect(providerError.provider).toBe('anthropic');
      expect(providerError.model).toBe(MODEL);
      expect(providerError.statusCode).toBe(status);
      expect(providerError.isRetryable).toBe(isRetryable);
      expect(providerError.message).toMatch(/^llm-rx: anthropic answered HTTP/);
      expect(providerError.message).not.toContain(API_KEY);
      expect(providerError.responseBody).toEqual(jasmine.objectContaining({type: 'error'}));
      const [record] = await fetchMockRequests(tag);
      expect(providerError.requestId).toBe(record.id);
    });
  }

  it('passes retry-after on a 429 as retryAfterMs', async () => {
    const tag = uniqueTag('retry-after');
    const {error} = await run(
      llm.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, status: 429, retryAfter: 3})}),
    );
    expect((error as LlmProviderError).retryAfterMs).toBe(3000);
    expect((error as LlmProviderError).isRetryable).toBeFalse();
  });

  it('delivers a mid-stream error event after the content that came before it', async () => {
    const tag = uniqueTag('mid-stream');
    const {chunks, error} = await run(
      llm.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, text: 'one two three', chunks: 3, errorAfter: 2})}),
    );
    expect(chunks).toEqual([
      {type: 'text-delta', text: 'one'},
      {type: 'text-delta', text: ' two'},
    ]);
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    expect((error as LlmProviderError).statusCode).toBeUndefined();
    expect((error as Error).message).toContain('overloaded_error');
  });

  it('aborts the HTTP request when unsubscribed mid-stream', async () => {
    const tag = uniqueTag('unsubscribe');
    await new Promise<void>((resolve, reject) => {
      const subscription = llm
        .stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, chunks: 50, chunkDelay: 20})})
        .subscribe({
          next: () => {
            subscription.unsubscribe();
            resolve();
          },
          error: reject,
        });
    });
    const record = await waitForMockRequest(tag, request => request.closedEarly);
    expect(record.completed).toBeFalse();
  });

  it('fails a stalled stream with the first-chunk timeout and closes the connection', async () => {
    const tag = uniqueTag('stall');
    const impatient = createAnthropicLlm(MODEL, {
      apiKey: API_KEY,
      baseURL: MOCK_PROVIDERS_URL,
      firstChunkTimeoutMs: 300,
    });
    // The timeout runs from subscription, so load the SDK first (it is cached per module, not per Llm): the
    // 300 ms then measure only the stall.
    expect(
      (await run(llm.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag: `${tag}-warm`})}))).error,
    ).toBeUndefined();
    const started = Date.now();
    const {chunks, error} = await run(
      impatient.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, stallAfter: 0})}),
    );
    expect(chunks).toEqual([]);
    expect(LlmTimeoutError.isInstance(error)).withContext(String(error)).toBeTrue();
    expect((error as LlmTimeoutError).info.kind).toBe('first-chunk');
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await waitForMockRequest(tag, request => request.closedEarly)).closedEarly).toBeTrue();
  });

  it('fails a malformed event with a clear provider error', async () => {
    const tag = uniqueTag('malformed');
    const {chunks, error} = await run(
      llm.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, chunks: 3, malformedAfter: 1})}),
    );
    expect(chunks.length).toBe(1);
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    expect((error as Error).message).toContain('malformed stream event');
  });

  it('fails a stream without its final events instead of completing or hanging', async () => {
    const tag = uniqueTag('no-final');
    const {chunks, error} = await run(
      llm.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, chunks: 2, noFinal: true})}),
    );
    expect(chunks.length).toBe(2);
    expect(chunks.some(chunk => chunk.type === 'usage')).toBeFalse();
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    expect((error as Error).message).toContain('ended before its final event');
  });

  it('maps a dropped connection to a retryable error', async () => {
    const tag = uniqueTag('drop');
    const {chunks, error} = await run(
      llm.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, chunks: 3, dropAfter: 1})}),
    );
    expect(chunks.length).toBe(1);
    expect(LlmProviderError.isInstance(error)).withContext(String(error)).toBeTrue();
    expect((error as LlmProviderError).isRetryable).toBeTrue();
    expect((error as LlmProviderError).statusCode).toBeUndefined();
  });

  it('fails a max_tokens stop with LlmTruncationError that keeps the partial content and usage', async () => {
    const tag = uniqueTag('truncated');
    const {chunks, error} = await run(
      llm.stream({
        userPrompt: 'Hi',
        maxTokens: 3,
        headers: scenarioHeaders({tag, text: 'cut off here', chunks: 3, finish: 'length'}),
      }),
    );
    expect(chunks.length).toBe(3);
    expect(LlmTruncationError.isInstance(error)).toBeTrue();
    const truncation = error as LlmTruncationError;
    expect(truncation.partialContent).toBe('cut off here');
    expect(truncation.maxTokens).toBe(3);
    expect(truncation.usage).toEqual(
      jasmine.objectContaining<LlmUsage>({outputTokens: 3, finishReason: {unified: 'length', raw: 'max_tokens'}}),
    );
  });

  it('reports a refusal as a content-filter finish', async () => {
    const tag = uniqueTag('refusal');
    const {chunks, error} = await run(
      llm.stream({userPrompt: 'Hi', headers: scenarioHeaders({tag, chunks: 1, finish: 'content-filter'})}),
    );
    expect(error).toBeUndefined();
    const usage = chunks.at(-1);
    expect(usage?.type === 'usage' && usage.usage.finishReason).toEqual({unified: 'content-filter', raw: 'refusal'});
  });

  it('maps a refused connection (nothing listening) to a retryable error', async () => {
    const unreachable = createAnthropicLlm(MODEL, {apiKey: API_KEY, baseURL: 'http://127.0.0.1:9'});
    const {error} = await run(unreachable.stream({userPrompt: 'Hi'}));
    expect(LlmProviderError.isInstance(error)).withContext(String(error)).toBeTrue();
    expect((error as LlmProviderError).isRetryable).toBeTrue();
    expect((error as Error).message).not.toContain(API_KEY);
  });
});
