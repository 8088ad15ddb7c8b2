// Every refusal of llm-rx/proxy, through the real SDKs: each is an LlmProxyRefusalError with its reason (and, for
// limits, when to retry), and none reaches the upstream.
import {filter} from 'rxjs';
import {LlmProxyRefusalError, type LlmProxyRefusalReason, type LlmRequest} from 'llm-rx';
import {createMemoryLlmProxyStore, type LlmProxyConfig} from 'llm-rx/proxy';
import {fetchMockRequests} from '@llm-rx/mock-providers';
import {runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {type LlmProxyServer, mockProxyProviders, startLlmProxyServer} from '@llm-rx/spec-support/node';
import {PROVIDER_TARGETS, type ProviderTarget} from './bad-input-targets';
import {proxiedLlm} from './proxy-fixtures';

const openAiChat = PROVIDER_TARGETS.find(target => target.label === 'openai-chat')!;

const proxied = (target: ProviderTarget, proxy: LlmProxyServer) => proxiedLlm(target, proxy);

/** Streams one request through a fresh proxy and returns the refusal it must end with; checks no upstream call. */
async function refusalOf(
  config: Partial<LlmProxyConfig>,
  target: ProviderTarget,
  request: Partial<LlmRequest> = {},
  before?: (proxy: LlmProxyServer) => Promise<unknown>,
): Promise<LlmProxyRefusalError> {
  const proxy = await startLlmProxyServer(config);
  try {
    await before?.(proxy);
    const tag = uniqueTag(target.label, 'refused');
    const outcome = await runStream(proxied(target, proxy).stream(scenarioRequest({tag}, request)));
    expect(LlmProxyRefusalError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect(await fetchMockRequests(tag))
      .withContext('nothing reached the upstream')
      .toEqual([]);
    expect(proxy.logs.some(line => line.event === 'refused')).toBeTrue();
    return outcome.error as LlmProxyRefusalError;
  } finally {
    await proxy.stop();
  }
}

function expectRefusal(error: LlmProxyRefusalError, reason: LlmProxyRefusalReason, status: number): void {
  expect(error.reason).toBe(reason);
  expect(error.statusCode).toBe(status);
  expect(error.isRetryable).toBeFalse();
  expect(error.message).toContain('the llm-rx proxy refused');
}

describe('llm-rx/proxy refusals through the real SDKs', () => {
  for (const target of PROVIDER_TARGETS) {
    it(`refuses a model it does not serve, before any upstream call (${target.label})`, async () => {
      const providers = mockProxyProviders({[target.family]: ['some-other-model']});
      const error = await refusalOf({providers}, target);
      expectRefusal(error, 'model-not-allowed', 403);
      expect(error.message).toContain(target.model);
    });

    it(`refuses once the daily cost budget is spent, with retry-after until midnight UTC (${target.label})`, async () => {
      const store = createMemoryLlmProxyStore();
      const error = await refusalOf({store, limits: {costPerDayUsd: 1e-9}}, target, {}, async proxy => {
        await runStream(proxied(target, proxy).stream(scenarioRequest({tag: uniqueTag(target.label, 'spend')})));
      });
      expectRefusal(error, 'daily-cost', 429);
      expect(error.message).toContain('daily budget reached');
      const untilMidnight = 86_400_000 - (Date.now() % 86_400_000);
      expect(error.retryAfterMs).toBeGreaterThan(0);
      expect(error.retryAfterMs).toBeLessThanOrEqual(untilMidnight + 1000);
    });
  }

  it('refuses a caller the authenticate hook does not know (401)', async () => {
    const error = await refusalOf({authenticate: () => undefined}, openAiChat);
    expectRefusal(error, 'unauthenticated', 401);
  });

  it('refuses a caller when the authenticate hook throws, and logs why without the credential', async () => {
    const error = await refusalOf(
      {
        authenticate: (_request, {credential}) => {
          throw new Error(`bad session token ${credential}`);
        },
      },
      openAiChat,
    );
    expectRefusal(error, 'unauthenticated', 401);
  });

  it('refuses a body over maxRequestBytes (413)', async () => {
    const error = await refusalOf({maxRequestBytes: 300}, openAiChat, {userPrompt: 'word '.repeat(200)});
    expectRefusal(error, 'request-too-large', 413);
  });

  it('refuses more output tokens than maxOutputTokens (400)', async () => {
    const error = await refusalOf({maxOutputTokens: 100}, openAiChat, {maxTokens: 500});
    expectRefusal(error, 'max-tokens-too-large', 400);
    expect(error.limit).toBe(100);
    expect(error.used).toBe(500);
  });

  it('refuses the request over requestsPerMinute, with retry-after within the minute (429)', async () => {
    const error = await refusalOf({limits: {requestsPerMinute: 2}}, openAiChat, {}, async proxy => {
      for (const name of ['first', 'second']) {
        await runStream(proxied(openAiChat, proxy).stream(scenarioRequest({tag: uniqueTag('rpm', name)})));
      }
    });
    expectRefusal(error, 'requests-per-minute', 429);
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('refuses a stream over concurrentStreams while another is open (429)', async () => {
    let release: () => void = () => undefined;
    const error = await refusalOf({limits: {concurrentStreams: 1}}, openAiChat, {}, async proxy => {
      // One stream held open (its first chunk arrived, so it is admitted and streaming) while the next is asked.
      await new Promise<void>(resolve => {
        const subscription = proxied(openAiChat, proxy)
          .stream(scenarioRequest({tag: uniqueTag('concurrent', 'open'), chunks: 50, chunkDelay: 100}))
          .pipe(filter(chunk => chunk.type === 'text-delta'))
          .subscribe(() => resolve());
        release = () => subscription.unsubscribe();
      });
    });
    release();
    expectRefusal(error, 'concurrent-streams', 429);
  });

  it('refuses once the daily token budget is spent (429)', async () => {
    const error = await refusalOf({limits: {tokensPerDay: 10}}, openAiChat, {}, async proxy => {
      await runStream(proxied(openAiChat, proxy).stream(scenarioRequest({tag: uniqueTag('tokens', 'spend')})));
    });
    expectRefusal(error, 'daily-tokens', 429);
  });

  it('refuses a cost budget on a model without a price (403)', async () => {
    const providers = mockProxyProviders({openai: ['gpt-unpriced*']});
    const proxy = await startLlmProxyServer({providers, limits: {costPerDayUsd: 1}});
    try {
      const llm = openAiChat.create('gpt-unpriced-model', {api: 'chat', baseURL: proxy.baseURLOf('openai')});
      const outcome = await runStream(llm.stream(scenarioRequest({tag: uniqueTag('price', 'unknown')})));
      expectRefusal(outcome.error as LlmProxyRefusalError, 'price-unknown', 403);
    } finally {
      await proxy.stop();
    }
  });

  it('refuses a browser origin not in allowedOrigins, and answers an allowed one with CORS headers', async () => {
    const proxy = await startLlmProxyServer({allowedOrigins: ['https://app.example.com']});
    try {
      const call = (origin: string) =>
        fetch(`${proxy.baseURLOf('openai')}/chat/completions`, {
          method: 'POST',
          headers: {origin, 'content-type': 'application/json'},
          body: JSON.stringify({model: 'gpt-4.1-mini', stream: true, messages: [{role: 'user', content: 'hi'}]}),
        });
      const refused = await call('https://evil.example.com');
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(((await refused.json()) as {error: {code: string}}).error.code).toBe('origin-not-allowed');
      const allowed = await call('https://app.example.com');
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      await allowed.text();
      const preflight = await fetch(`${proxy.baseURLOf('openai')}/chat/completions`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example.com',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, x-stainless-os',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, x-stainless-os');
    } finally {
      await proxy.stop();
    }
  });

  it('refuses a path the adapters never call, so the key cannot reach other endpoints (404)', async () => {
    const proxy = await startLlmProxyServer();
    try {
      const response = await fetch(`${proxy.baseURLOf('openai')}/files`, {method: 'POST', body: '{}'});
      expect(response.status).toBe(404);
      expect(((await response.json()) as {error: {code: string}}).error.code).toBe('route-not-found');
    } finally {
      await proxy.stop();
    }
  });
});
