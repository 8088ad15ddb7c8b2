// The README's Angular SSR recipe: an Express app (with a JSON body parser, as SSR apps often have) mounting
// llm-rx/proxy in one line, called by a real SDK.
import type {AddressInfo} from 'node:net';
import express from 'express';
import {createOpenAiLlm} from 'llm-rx/openai';
import {createLlmProxy} from 'llm-rx/proxy';
import {toExpressMiddleware} from 'llm-rx/proxy/node';
import {MOCK_SCENARIO_HEADER} from '@llm-rx/mock-providers';
import {runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {mockProxyProviders} from '@llm-rx/spec-support/node';

describe('llm-rx/proxy in an Express app (Angular SSR server.ts)', () => {
  it('serves the proxy at its mount path beside the app routes, through a body parser', async () => {
    const server = express();
    server.use(express.json());
    const llmProxy = createLlmProxy({
      basePath: '/api/llm',
      providers: mockProxyProviders(),
      authenticate: () => ({userId: 'ssr-user'}),
      forwardHeaders: [MOCK_SCENARIO_HEADER],
      log: () => undefined,
    });
    server.use('/api/llm', toExpressMiddleware(llmProxy));
    server.get('/{*path}', (_request, response) => void response.send('the Angular app'));
    const listening = server.listen(0, '127.0.0.1');
    await new Promise(resolve => listening.once('listening', resolve));
    const origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    try {
      const llm = createOpenAiLlm('gpt-4.1-mini', {api: 'chat', baseURL: `${origin}/api/llm/openai`});
      const outcome = await runStream(
        llm.stream(scenarioRequest({tag: uniqueTag('express', 'ok'), text: 'Served by Express.'})),
      );
      expect(outcome.error).toBeUndefined();
      expect(outcome.chunks.map(chunk => (chunk.type === 'text-delta' ? chunk.text : '')).join('')).toBe(
        'Served by Express.',
      );
      expect(await (await fetch(`${origin}/some/page`)).text()).toBe('the Angular app');
    } finally {
      listening.closeAllConnections();
      await new Promise(resolve => listening.close(resolve));
    }
  });
});
