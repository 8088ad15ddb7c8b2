import {collectResponse, createLlmKeyFingerprint, LlmProviderError} from 'llm-rx';
import {createOpenAiLlm} from 'llm-rx/openai';
import {MockLlm} from 'llm-rx/testing';
import {MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
import {catchError, EMPTY, firstValueFrom, lastValueFrom} from 'rxjs';
import type {LlmCallLog} from './llm-call-log';
import {loggedLlm} from './log-llm-calls';
import {logPerSpec, request} from './log-llm-calls-fixtures';

const API_KEY = 'sk-test-DO-NOT-STORE-1234567890';

// What the log keeps of an API key: the first 16 hex characters of its hash and its alias, never the key.
describe('loggedLlm', () => {
  let log: LlmCallLog;
  logPerSpec(opened => (log = opened));

  it('stores only the first 16 hex characters of the key hash, and the key in no table', async () => {
    const leaky = new LlmProviderError(`openai: 401 invalid key ${API_KEY}`, {provider: 'openai', statusCode: 401});
    const llm = loggedLlm(new MockLlm({provider: 'openai', script: [{chunks: ['ok']}, {error: leaky}]}), {
      log,
      apiKey: API_KEY,
      apiKeyAlias: 'ci',
    });
    await firstValueFrom(llm.stream(request).pipe(collectResponse()));
    await lastValueFrom(llm.stream(request).pipe(catchError(() => EMPTY)), {defaultValue: null});
    await log.flush();

    const rows = await log.database.calls.toArray();
    const hash = await createLlmKeyFingerprint(API_KEY).hash();
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(rows.map(row => [row.apiKeyHash, row.apiKeyAlias])).toEqual([
      [hash, 'ci'],
      [hash, 'ci'],
    ]);
    expect(rows.find(row => row.status === 'error')?.errorMessage).toBe('openai: 401 invalid key ***');
    for (const table of log.database.tables) {
      const json = JSON.stringify(await table.toArray());
      expect(json).not.toContain(API_KEY);
      expect(json).not.toContain('DO-NOT-STORE');
    }
    expect(JSON.stringify(await log.exportCalls('json'))).not.toContain(API_KEY);
  });

  it('stores the keyFingerprint hash and alias of an Llm that exposes one', async () => {
    const mock = new MockLlm({script: {chunks: ['ok']}});
    const keyFingerprint = {alias: 'team', hash: () => Promise.resolve('0123456789abcdef')};
    const logged = loggedLlm(Object.assign(mock, {keyFingerprint}), {log});
    expect(logged.keyFingerprint).toBe(keyFingerprint);
    await firstValueFrom(logged.stream(request).pipe(collectResponse()));
    await log.flush();
    const [row] = await log.database.calls.toArray();
    expect([row.apiKeyHash, row.apiKeyAlias]).toEqual(['0123456789abcdef', 'team']);
  });

  it('stores the key hash of an adapter-made Llm, and the key in no table', async () => {
    const llm = createOpenAiLlm('gpt-4.1-mini', {
      api: 'chat',
      apiKey: API_KEY,
      apiKeyAlias: 'ci',
      baseURL: `${MOCK_PROVIDERS_URL}/v1`,
    });
    const response = await firstValueFrom(loggedLlm(llm, {log}).stream(request).pipe(collectResponse()));
    expect(response.content).not.toBe('');
    await log.flush();

    const rows = await log.database.calls.toArray();
    expect(rows.map(row => [row.provider, row.status, row.apiKeyHash, row.apiKeyAlias])).toEqual([
      ['openai', 'ok', await createLlmKeyFingerprint(API_KEY).hash(), 'ci'],
    ]);
    for (const table of log.database.tables) {
      expect(JSON.stringify(await table.toArray())).not.toContain(API_KEY);
    }
  });
});
