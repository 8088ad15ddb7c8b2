// createLlmProxy() called directly as a fetch handler (as a fetch-based runtime calls it), against the mock server.
import {LlmConfigurationError, PLACEHOLDER_API_KEY} from 'llm-rx';
import {MOCK_SCENARIO_HEADER, mockScenario, waitForMockRequest} from '@llm-rx/mock-providers';
import {uniqueTag} from '@llm-rx/spec-support';
import {mockProxyProviders, PROXY_SPEC_KEYS} from '@llm-rx/spec-support/node';
import {createLlmProxy} from './create-llm-proxy';
import type {LlmProxyConfig, LlmProxyLogEntry} from './llm-proxy-config';

const CHAT_URL = 'http://proxy.test/api/llm/openai/chat/completions';

function chatRequest(tag: string, scenario: Record<string, unknown> = {}, init: RequestInit = {}): Request {
  return new Request(CHAT_URL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${PLACEHOLDER_API_KEY}`,
      [MOCK_SCENARIO_HEADER]: mockScenario({tag, ...scenario}),
    },
    body: JSON.stringify({model: 'gpt-4.1-mini', stream: true, messages: [{role: 'user', content: 'hi'}]}),
    ...init,
  });
}

function proxyWith(config: Partial<LlmProxyConfig> = {}, logs: LlmProxyLogEntry[] = []) {
  return createLlmProxy({
    basePath: '/api/llm',
    providers: mockProxyProviders(),
    authenticate: () => ({userId: 'direct'}),
    forwardHeaders: [MOCK_SCENARIO_HEADER],
    log: entry => logs.push(entry),
    ...config,
  });
}

describe('createLlmProxy as a fetch handler', () => {
  it('streams the upstream answer as server-sent events, with usage asked for, and logs the metered call', async () => {
    const logs: LlmProxyLogEntry[] = [];
    const tag = uniqueTag('direct', 'stream');
    const response = await proxyWith({}, logs)(chatRequest(tag, {text: 'Hello from the mock.', chunks: 3}));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const body = await response.text();
    expect(body).toContain('Hello');
    expect(body).toContain('data: [DONE]');
    const record = await waitForMockRequest(tag);
    expect((record.body as {stream_options?: unknown}).stream_options).toEqual({include_usage: true});
    expect((record.body as {max_completion_tokens?: unknown}).max_completion_tokens).toBe(8192);
    expect(record.headers['authorization']).withContext('the key is sent (the mock masks it)').toBe('***');
    for (let waited = 0; !logs.some(line => line.event === 'finished') && waited < 2000; waited += 10) {
      await new Promise(resolve => setTimeout(resolve, 10));
    }
    expect(logs.find(line => line.event === 'finished')).toEqual(
      jasmine.objectContaining({
        provider: 'openai',
        model: 'gpt-4.1-mini',
        userId: 'direct',
        status: 200,
        metered: true,
      }),
    );
  });

  it('aborts the upstream request when the request signal aborts', async () => {
    const tag = uniqueTag('direct', 'abort');
    const controller = new AbortController();
    const response = await proxyWith()(chatRequest(tag, {chunks: 50, chunkDelay: 40}, {signal: controller.signal}));
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel().catch(() => undefined);
    expect((await waitForMockRequest(tag, record => record.closedEarly, {timeoutMs: 5000})).completed).toBeFalse();
  });

  it('gives the authenticate hook the request and the credential the SDK sent, and sends the server key instead', async () => {
    const seen: (string | undefined)[] = [];
    const upstreamHeaders: Headers[] = [];
    const tag = uniqueTag('direct', 'credential');
    const response = await proxyWith({
      authenticate: (request, {provider, credential}) => {
        seen.push(provider, credential, request.headers.get('x-app') ?? undefined);
        return {userId: 'u'};
      },
      fetch: (input, init) => {
        upstreamHeaders.push(new Headers(init?.headers));
        return fetch(input, init);
      },
    })(
      chatRequest(
        tag,
        {},
        {
          headers: {
            'content-type': 'application/json',
            authorization: 'Bearer app-token-1',
            cookie: 'session=app-cookie-1',
            'openai-organization': 'org-of-the-caller',
            'x-app': 'yes',
            [MOCK_SCENARIO_HEADER]: mockScenario({tag}),
          },
        },
      ),
    );
    await response.text();
    expect(seen).toEqual(['openai', 'app-token-1', 'yes']);
    const [sent] = upstreamHeaders;
    expect(sent.get('authorization')).toBe(`Bearer ${PROXY_SPEC_KEYS.openai}`);
    expect([...sent.keys()].sort()).toEqual(['authorization', 'content-type', MOCK_SCENARIO_HEADER]);
    expect(JSON.stringify([...sent])).not.toContain('app-token-1');
    expect((await waitForMockRequest(tag)).headers['authorization']).toBe('***');
  });

  it('checks its configuration when created, naming the field', () => {
    expect(() =>
      createLlmProxy({providers: {openai: {apiKey: '', models: ['gpt-5']}}, authenticate: () => undefined}),
    ).toThrowMatching(error => LlmConfigurationError.isInstance(error) && error.field === 'providers.openai.apiKey');
  });

  it('never reflects a server key in a refusal, even when the model name quotes it', async () => {
    const response = await proxyWith({providers: mockProxyProviders({openai: ['gpt-4.1-mini']})})(
      new Request(CHAT_URL, {
        method: 'POST',
        body: JSON.stringify({model: `gpt-${PROXY_SPEC_KEYS.openai}`, stream: true, messages: []}),
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(PROXY_SPEC_KEYS.openai.slice(8));
  });
});
