import {LlmPriceTable} from 'llm-rx';
import {DEMO_PROVIDERS, demoModels, demoProvider} from './provider-catalog';

describe('provider catalog', () => {
  it('offers the five providers under the names their adapters register', () => {
    expect(DEMO_PROVIDERS.map(info => [info.name, info.provider.name])).toEqual([
      ['openai', 'openai'],
      ['anthropic', 'anthropic'],
      ['gemini', 'gemini'],
      ['deepseek', 'deepseek'],
      ['cohere', 'cohere'],
    ]);
  });

  it('defaults every provider to a model with a known price', () => {
    for (const info of DEMO_PROVIDERS) {
      expect(LlmPriceTable.default.priceOf(info.name, info.defaultModel)).withContext(info.name).toBeDefined();
    }
  });

  it('lists priced models, sorted, without fine-tune families', () => {
    const models = demoModels('openai');
    expect(models).toContain('gpt-5-nano');
    expect(models).toEqual([...models].sort());
    expect(models.some(model => model.startsWith('ft:'))).toBe(false);
  });

  it('leaves out models that do not answer a streamed chat', () => {
    const models = demoModels('openai');
    expect(models).toContain('gpt-4.1-mini');
    for (const notChat of ['gpt-image-1', 'gpt-4o-mini-tts', 'gpt-realtime', 'gpt-4o-search-preview', 'davinci']) {
      expect(models).withContext(notChat).not.toContain(notChat);
    }
  });

  it('keeps the default model in the list even if the price table lacks it', () => {
    const empty = LlmPriceTable.default.withPrices('cohere', {});
    expect(demoModels('cohere', empty)).toContain(demoProvider('cohere').defaultModel);
  });
});
