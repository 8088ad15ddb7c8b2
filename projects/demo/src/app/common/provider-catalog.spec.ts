import {LlmPriceTable} from 'llm-rx';
import {LLM_COMPATIBLE_PRESETS} from 'llm-rx/compatible';
import {demoProviderOptions} from '../settings/demo-provider-options';
import {DEFAULT_DEMO_SETTINGS} from '../settings/demo-settings';
import {DEMO_CATALOG, DEMO_PRESETS, DEMO_PROVIDERS, demoModels, demoProvider} from './provider-catalog';

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

describe('provider catalog: llm-rx/compatible presets', () => {
  it('offers every preset after the five adapters, under its provider name', () => {
    expect(DEMO_CATALOG.slice(0, 5)).toEqual([...DEMO_PROVIDERS]);
    expect(DEMO_PRESETS.map(info => [info.name, info.provider.name])).toEqual(
      LLM_COMPATIBLE_PRESETS.map(preset => [preset.name, preset.name]),
    );
  });

  it("serves each preset from the mock server at its service's own path", () => {
    expect(demoProvider('groq').mockPath).toBe('/groq/openai/v1');
    expect(demoProvider('deepinfra').mockPath).toBe('/deepinfra/v1/openai');
    expect(demoProvider('ollama').mockPath).toBe('/ollama/v1');
  });

  it('defaults each priced preset to a model with a price, and a local one to its example model', () => {
    for (const info of DEMO_PRESETS) {
      const models = demoModels(info.name);
      expect(models).withContext(info.name).toContain(info.defaultModel);
      if (info.local) expect(models).withContext(info.name).toEqual([info.defaultModel]);
      else if (info.priceTable) {
        expect(info.priceTable.priceOf(info.name, info.defaultModel)).withContext(info.name).toBeDefined();
      }
    }
    expect(demoModels('openrouter').length).toBeGreaterThan(100);
  });

  it('calls a local server straight from the page with no key, and a simulated preset at its mock route', () => {
    const proxy = {...DEFAULT_DEMO_SETTINGS, connection: 'proxy'} as const;
    expect(demoProviderOptions(demoProvider('ollama'), proxy)).toEqual(
      jasmine.objectContaining({baseURL: 'http://localhost:11434/v1', apiKeyAlias: 'local'}),
    );
    expect(demoProviderOptions(demoProvider('ollama'), proxy).apiKey).toBeUndefined();
    const simulated = {...DEFAULT_DEMO_SETTINGS, connection: 'simulated'} as const;
    expect(demoProviderOptions(demoProvider('mistral'), simulated).baseURL).toBe(
      `${DEFAULT_DEMO_SETTINGS.mockServerUrl}/mistral/v1`,
    );
  });
});
