import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {handleControlRoute} from './control-routes';
import {RequestLog} from './request-log';
import {openAiChatWire} from './wire/openai-chat-wire';

describe('handleControlRoute', () => {
  let server: Server;
  let url: string;
  const log = new RequestLog();
  const record = (tag: string) => ({
    tag,
    wire: 'openai-chat',
    method: 'POST',
    path: '/v1/chat/completions',
    headers: {},
    body: null,
    scenario: {tag},
    fault: null,
    receivedAt: new Date(0).toISOString(),
  });

  beforeAll(async () => {
    server = createServer((request, response) => {
      const handled = handleControlRoute(
        request.method ?? 'GET',
        new URL(request.url ?? '/', 'http://x'),
        log,
        [openAiChatWire],
        response,
      );
      if (!handled) response.writeHead(418).end();
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  it('answers health with the wire names', async () => {
    expect(await (await fetch(`${url}/__mock/health`)).json()).toEqual({status: 'ok', wires: ['openai-chat']});
  });

  it('lists requests by tag, all without a tag, and clears them', async () => {
    log.clear();
    log.add(record('a'));
    log.add(record('b'));
    const tagged = (await (await fetch(`${url}/__mock/requests?tag=a`)).json()) as {tag: string}[];
    expect(tagged.map(entry => entry.tag)).toEqual(['a']);
    expect(((await (await fetch(`${url}/__mock/requests`)).json()) as unknown[]).length).toBe(2);
    expect(await (await fetch(`${url}/__mock/requests`, {method: 'DELETE'})).json()).toEqual({cleared: 2});
    expect(log.list()).toEqual([]);
  });

  it('answers 404 for an unknown control route and leaves other paths alone', async () => {
    expect((await fetch(`${url}/__mock/nope`)).status).toBe(404);
    expect((await fetch(`${url}/v1/chat/completions`)).status).toBe(418);
  });
});
