import {
  clearMockRequests,
  fetchMockRequests,
  mockScenario,
  waitForMockRequest,
  type MockScenario,
} from './client/mock-provider-client';
import {startMockProviderServer, type MockProviderServer} from './mock-provider-server';

describe('startMockProviderServer', () => {
  let server: MockProviderServer;
  let tagNumber = 0;
  const uniqueTag = () => `server-spec-${Date.now()}-${tagNumber++}`;

  beforeAll(async () => {
    server = await startMockProviderServer({port: 0});
  });

  afterAll(async () => {
    await server.close();
  });

  function postChat(scenario: MockScenario, signal?: AbortSignal): Promise<Response> {
    return fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer sk-never-stored',
        'x-mock-scenario': mockScenario(scenario),
      },
      body: JSON.stringify({model: 'gpt-4.1-mini', messages: [{role: 'user', content: 'hi'}], stream: true}),
      signal,
    });
  }

  /** The `data:` payloads of a chat stream, `[DONE]` as a string and everything else parsed when it is JSON. */
  function dataOf(text: string): unknown[] {
    return text
      .split('\n\n')
      .filter(block => block.startsWith('data: '))
      .map(block => {
        const data = block.slice('data: '.length);
        try {
          return JSON.parse(data);
        } catch {
          return data;
        }
      });
  }

  const contentOf = (data: unknown[]) =>
    data
      .map(event => (event as {choices?: {delta?: {content?: string}}[]}).choices?.[0]?.delta?.content ?? '')
      .join('');

  /** Reads the body until a text appears, then gives the reader back so the test decides how the client leaves. */
  async function readUntil(
    response: Response,
    marker: string,
  ): Promise<{text: string; reader: ReadableStreamDefaultReader<Uint8Array>}> {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(marker)) {
      const {value, done} = await reader.read();
      if (done) break;
      text += decoder.decode(value, {stream: true});
    }
    return {text, reader};
  }

  it('answers health with the list of wires', async () => {
    const response = await fetch(`${server.url}/__mock/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as {status: string; wires: string[]};
    expect(body.status).toBe('ok');
    expect(body.wires).toEqual(jasmine.arrayContaining(['openai-chat', 'openai-responses', 'deepseek']));
  });

  it('answers a preflight with 204, echoing the requested headers', async () => {
    const requested = 'authorization, content-type, x-stainless-os, x-mock-scenario';
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:9876',
        'access-control-request-method': 'POST',
        'access-control-request-headers': requested,
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe(requested);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE, OPTIONS');
    expect(response.headers.get('access-control-max-age')).toBe('600');
  });

  it("sends an HTTP error in the wire's shape with CORS, retry-after and a request id", async () => {
    const tag = uniqueTag();
    const response = await postChat({tag, status: 429, retryAfter: 2});
    expect(response.status).toBe(429);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(response.headers.get('retry-after')).toBe('2');
    const body = (await response.json()) as {error: {code: string; type: string; message: string}};
    expect(body.error.code).toBe('rate_limit_exceeded');
    expect(body.error.message).toContain('429');
    const record = await waitForMockRequest(tag, record => record.completed, {baseUrl: server.url});
    expect(response.headers.get('x-request-id')).toBe(record.id);
    expect(record.status).toBe(429);
    expect(record.closedEarly).toBeFalse();
  });

  it('answers an unknown route with a 404 that still carries CORS', async () => {
    const response = await fetch(`${server.url}/v1/nothing-here`, {method: 'POST', body: '{}'});
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toContain('/v1/nothing-here');
  });

  it('answers a scenario typo with a 400 naming the key, so the test does not run the wrong scenario', async () => {
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: {'x-mock-scenario': 'chunk=3'},
      body: '{"model":"m"}',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as {error: {message: string}}).error.message).toContain('"chunk"');
  });

  it('records the request with its tag, wire, body and scenario, never the key', async () => {
    const tag = uniqueTag();
    await (await postChat({tag, chunks: 2})).text();
    const record = await waitForMockRequest(tag, record => record.completed, {baseUrl: server.url});
    expect(record.wire).toBe('openai-chat');
    expect(record.method).toBe('POST');
    expect(record.path).toBe('/v1/chat/completions');
    expect(record.headers['authorization']).toBe('***');
    expect(JSON.stringify(await fetchMockRequests(tag, server.url))).not.toContain('sk-never-stored');
    expect((record.body as {model: string}).model).toBe('gpt-4.1-mini');
    expect(record.scenario).toEqual({tag, chunks: 2});
    expect(record.status).toBe(200);
    expect(Date.parse(record.receivedAt)).toBeGreaterThan(0);
  });

  it('plays a fault for the first failTimes requests of a tag only, and records which fault it played', async () => {
    const tag = uniqueTag();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await postChat({tag, status: 503, failTimes: 2, chunks: 1});
      statuses.push(response.status);
      await response.text();
    }
    expect(statuses).toEqual([503, 503, 200]);
    await waitForMockRequest(tag, record => record.completed && record.status === 200, {baseUrl: server.url});
    const records = await fetchMockRequests(tag, server.url);
    expect(records.map(record => record.fault)).toEqual(['status', 'status', null]);
    expect(records.map(record => record.scenario.failTimes)).toEqual([2, 2, 2]);
  });

  it('records a mid-stream fault, and no fault for a plain answer', async () => {
    const tag = uniqueTag();
    await (await postChat({tag, chunks: 2, dropAfter: 1})).text().catch(() => undefined);
    await (await postChat({tag: `${tag}-plain`, chunks: 1})).text();
    expect((await waitForMockRequest(tag, () => true, {baseUrl: server.url})).fault).toBe('dropAfter');
    expect((await waitForMockRequest(`${tag}-plain`, () => true, {baseUrl: server.url})).fault).toBeNull();
  });

  it('quotes the credential in error messages with echoKey, as a faulty upstream might', async () => {
    const tag = uniqueTag();
    const httpError = await postChat({tag, status: 401, echoKey: true});
    expect(((await httpError.json()) as {error: {message: string}}).error.message).toContain(
      'key used: sk-never-stored',
    );
    const midStream = await (await postChat({tag, chunks: 2, errorAfter: 1, echoKey: true})).text();
    expect(midStream).toContain('key used: sk-never-stored');
    const plain = await postChat({tag, status: 401});
    expect(JSON.stringify(await plain.json())).not.toContain('sk-never-stored');
    // The log still masks the key it echoed.
    expect(JSON.stringify(await fetchMockRequests(tag, server.url))).not.toContain('sk-never-stored');
  });

  it('clears the request log', async () => {
    const tag = uniqueTag();
    await (await postChat({tag})).text();
    expect(await clearMockRequests(server.url)).toBeGreaterThan(0);
    expect(await fetchMockRequests(tag, server.url)).toEqual([]);
  });

  it('fails waitForMockRequest with what was recorded when nothing matches in time', async () => {
    const tag = uniqueTag();
    await (await postChat({tag})).text();
    await expectAsync(
      waitForMockRequest(tag, record => record.closedEarly, {baseUrl: server.url, timeoutMs: 100}),
    ).toBeRejectedWithError(/no mock request tagged .* matched within 100 ms; recorded: \[\{"id":"req_mock_/);
  });

  describe('closedEarly', () => {
    it('is true when the client aborts mid-stream', async () => {
      const tag = uniqueTag();
      const controller = new AbortController();
      const response = await postChat({tag, chunks: 10, chunkDelay: 30}, controller.signal);
      const {text} = await readUntil(response, 'w2');
      controller.abort();
      expect(contentOf(dataOf(text))).not.toContain('w10');
      const record = await waitForMockRequest(tag, record => record.closedEarly, {baseUrl: server.url});
      expect(record.completed).toBeFalse();
    });

    it('is false after a normal end', async () => {
      const tag = uniqueTag();
      await (await postChat({tag, chunks: 3})).text();
      const record = await waitForMockRequest(tag, record => record.completed, {baseUrl: server.url});
      expect(record.closedEarly).toBeFalse();
    });

    it('is false when the client closes right after [DONE], as the OpenAI chat SDK does', async () => {
      const tag = uniqueTag();
      const response = await postChat({tag, chunks: 3, chunkDelay: 10});
      const {text, reader} = await readUntil(response, '[DONE]');
      await reader.cancel();
      expect(text).toContain('data: [DONE]');
      // Give a late close time to land before reading the record.
      await new Promise(resolve => setTimeout(resolve, 100));
      const [record] = await fetchMockRequests(tag, server.url);
      expect(record.closedEarly).toBeFalse();
    });
  });

  describe('scenario keys', () => {
    it('text and chunks: splits the given text into N chunks', async () => {
      const data = dataOf(await (await postChat({text: 'Hello brave new world', chunks: 2})).text());
      // Opening chunk, 2 text chunks, finish chunk, usage chunk, [DONE].
      expect(data.length).toBe(6);
      expect(contentOf(data)).toBe('Hello brave new world');
      expect(data[data.length - 1]).toBe('[DONE]');
    });

    it('headerDelay: holds the response headers back', async () => {
      const start = performance.now();
      const response = await postChat({headerDelay: 150});
      expect(performance.now() - start).toBeGreaterThanOrEqual(140);
      await response.text();
    });

    it('chunkDelay: waits between content chunks', async () => {
      const start = performance.now();
      await (await postChat({chunks: 3, chunkDelay: 50})).text();
      // Three chunks plus the closing events.
      expect(performance.now() - start).toBeGreaterThanOrEqual(190);
    });

    it("errorAfter: sends the wire's mid-stream error after N content chunks, then ends", async () => {
      const data = dataOf(await (await postChat({chunks: 5, errorAfter: 2})).text());
      expect(contentOf(data)).toBe('w1 w2');
      expect(data[data.length - 1]).toEqual({error: jasmine.objectContaining({type: 'server_error'})});
    });

    it('errorAfter: counts reasoning chunks as content chunks', async () => {
      const response = await fetch(`${server.url}/deepseek/chat/completions`, {
        method: 'POST',
        headers: {'x-mock-scenario': mockScenario({reasoning: 2, chunks: 2, errorAfter: 3})},
        body: '{"model":"deepseek-reasoner"}',
      });
      const data = dataOf(await response.text());
      expect(contentOf(data)).toBe('w1');
      expect(data.filter(event => JSON.stringify(event).includes('"reasoning_content":"')).length).toBe(3);
    });

    it('errorAfter=0: sends the error right after the opening events', async () => {
      const data = dataOf(await (await postChat({errorAfter: 0})).text());
      expect(data.length).toBe(2);
      expect(contentOf(data)).toBe('');
    });

    it('dropAfter: destroys the socket after N content chunks, which is not a client close', async () => {
      const tag = uniqueTag();
      const response = await postChat({tag, chunks: 5, dropAfter: 2});
      const {text, reader} = await readUntil(response, 'w2');
      await expectAsync(
        (async () => {
          for (;;) if ((await reader.read()).done) break;
        })(),
      ).toBeRejectedWithError(TypeError);
      expect(contentOf(dataOf(text))).toBe('w1 w2');
      const [record] = await fetchMockRequests(tag, server.url);
      expect(record.completed).toBeFalse();
      expect(record.closedEarly).toBeFalse();
    });

    it('stallAfter: sends nothing more after N content chunks until the client goes', async () => {
      const tag = uniqueTag();
      const controller = new AbortController();
      const response = await postChat({tag, chunks: 5, stallAfter: 1}, controller.signal);
      const {text, reader} = await readUntil(response, 'w1');
      const next = reader.read().then(
        () => 'data',
        () => 'aborted',
      );
      const winner = await Promise.race([next, new Promise(resolve => setTimeout(() => resolve('stalled'), 300))]);
      expect(winner).toBe('stalled');
      controller.abort();
      expect(contentOf(dataOf(text))).toBe('w1');
      await waitForMockRequest(tag, record => record.closedEarly, {baseUrl: server.url});
    });

    it('malformedAfter: sends an event that is not JSON after N content chunks', async () => {
      const data = dataOf(await (await postChat({chunks: 3, malformedAfter: 1})).text());
      expect(contentOf(data)).toBe('w1');
      const last = data[data.length - 1];
      expect(typeof last).toBe('string');
      expect(() => JSON.parse(last as string)).toThrowError(SyntaxError);
    });

    it('noFinal: ends after the content, with no finish, usage or [DONE]', async () => {
      const tag = uniqueTag();
      const text = await (await postChat({tag, chunks: 2, noFinal: true})).text();
      expect(contentOf(dataOf(text))).toBe('w1 w2');
      expect(text).not.toContain('finish_reason":"stop');
      expect(text).not.toContain('"usage":{');
      expect(text).not.toContain('[DONE]');
      const record = await waitForMockRequest(tag, record => record.completed, {baseUrl: server.url});
      expect(record.closedEarly).toBeFalse();
    });

    it('finish: sets the finish reason', async () => {
      expect(await (await postChat({finish: 'length'})).text()).toContain('"finish_reason":"length"');
      expect(await (await postChat({finish: 'content-filter'})).text()).toContain('"finish_reason":"content_filter"');
    });

    it('usage overrides: land in the usage block', async () => {
      const data = dataOf(
        await (
          await postChat({
            inputTokens: 1000,
            outputTokens: 80,
            cachedTokens: 600,
            cacheWriteTokens: 50,
            reasoningTokens: 30,
          })
        ).text(),
      );
      expect((data[data.length - 2] as {usage: unknown}).usage).toEqual(
        jasmine.objectContaining({
          prompt_tokens: 1000,
          completion_tokens: 80,
          total_tokens: 1080,
          prompt_tokens_details: jasmine.objectContaining({cached_tokens: 600, cache_write_tokens: 50}),
          completion_tokens_details: jasmine.objectContaining({reasoning_tokens: 30}),
        }),
      );
    });

    it('streams with the SSE framing headers', async () => {
      const response = await postChat({});
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('request-id')).toMatch(/^req_mock_\d+$/);
      await response.text();
    });
  });
});
