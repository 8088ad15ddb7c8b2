import {MOCK_PROVIDERS_URL, mockScenario} from './mock-provider-client';

describe('mockScenario', () => {
  it('joins keys in the given order as key=value;key=value', () => {
    expect(mockScenario({tag: 'spec-1', chunks: 3, chunkDelay: 20})).toBe('tag=spec-1;chunks=3;chunkDelay=20');
  });

  it('URI-encodes values, so text may hold ";", "=" and non-ASCII characters', () => {
    expect(mockScenario({text: 'a;b=c d', tag: 'é'})).toBe('text=a%3Bb%3Dc%20d;tag=%C3%A9');
  });

  it('writes flags as 1 and 0 and leaves undefined keys out', () => {
    expect(mockScenario({noFinal: true, status: undefined, finish: 'length'})).toBe('noFinal=1;finish=length');
    expect(mockScenario({noFinal: false})).toBe('noFinal=0');
  });

  it('builds an empty header for the default scenario', () => {
    expect(mockScenario({})).toBe('');
  });

  it('points at the loopback port 4010 by default, or in Node at LLM_RX_MOCK_PROVIDERS_URL', () => {
    const environment = (globalThis as {process?: {env?: Record<string, string | undefined>}}).process?.env;
    expect(MOCK_PROVIDERS_URL).toBe(environment?.['LLM_RX_MOCK_PROVIDERS_URL'] ?? 'http://127.0.0.1:4010');
  });
});
