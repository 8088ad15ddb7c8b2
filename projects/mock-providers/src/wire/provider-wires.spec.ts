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

  it("routes each llm-rx/compatible preset's real path under its name to its wire", () => {
    expect(findProviderWire('POST', '/groq/openai/v1/chat/completions')?.name).toBe('groq');
    expect(findProviderWire('POST', '/deepinfra/v1/openai/chat/completions')?.name).toBe('deepinfra');
    expect(findProviderWire('POST', '/fireworks/inference/v1/chat/completions')?.name).toBe('fireworks');
    expect(findProviderWire('POST', '/openrouter/api/v1/chat/completions')?.name).toBe('openrouter');
    expect(findProviderWire('POST', '/lmstudio/v1/chat/completions')?.name).toBe('lmstudio');
  });

  it('refuses a Mistral body with stream_options with a 422 naming the field, and answers one without', () => {
    const mistral = findProviderWire('POST', '/mistral/v1/chat/completions');
    const refusal = mistral?.refusalOf?.({model: 'm', stream_options: {include_usage: true}});
    expect(refusal?.status).toBe(422);
    expect(JSON.stringify(refusal?.body)).toContain('"loc":["body","stream_options"]');
    expect(mistral?.refusalOf?.({model: 'm'})).toBeUndefined();
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
