import {GEN_AI, LLM_RX, genAiProviderName} from './gen-ai-conventions';

describe('GenAI convention names', () => {
  it("gives each llm-rx provider the conventions' provider name", () => {
    expect(['openai', 'anthropic', 'gemini', 'deepseek', 'cohere', 'groq'].map(genAiProviderName)).toEqual([
      'openai',
      'anthropic',
      'gcp.gemini',
      'deepseek',
      'cohere',
      'groq',
    ]);
  });

  it('keeps GenAI names under gen_ai. (or the general error.type) and its own under llm_rx.', () => {
    expect(Object.values(GEN_AI).filter(name => !/^(gen_ai\.|error\.type$)/.test(name))).toEqual([]);
    expect(Object.values(LLM_RX).filter(name => !name.startsWith('llm_rx.'))).toEqual([]);
  });
});
