import {findProviderWire, PROVIDER_WIRES} from './provider-wires';

describe('PROVIDER_WIRES', () => {
  it('has one wire per name', () => {
    const names = PROVIDER_WIRES.map(wire => wire.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('routes each OpenAI-shaped path to its own wire', () => {
    expect(findProviderWire('POST', '/v1/chat/completions')?.name).toBe('openai-chat');
    expect(findProviderWire('POST', '/v1/responses')?.name).toBe('openai-responses');
    expect(findProviderWire('POST', '/deepseek/chat/completions')?.name).toBe('deepseek');
  });

  it('routes every path to at most one wire', () => {
    for (const path of [
      '/v1/chat/completions',
      '/v1/responses',
      '/deepseek/chat/completions',
      '/v1/messages',
      '/v2/chat',
    ]) {
      expect(PROVIDER_WIRES.filter(wire => wire.matches('POST', path)).length).toBeLessThanOrEqual(1);
    }
  });

  it('finds no wire for an unknown route or method', () => {
    expect(findProviderWire('POST', '/v1/unknown')).toBeUndefined();
    expect(findProviderWire('GET', '/v1/chat/completions')).toBeUndefined();
  });
});
