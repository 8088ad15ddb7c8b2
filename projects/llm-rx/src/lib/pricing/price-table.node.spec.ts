import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {LlmPriceTable} from './llm-price-table';
import {PRICE_CORRECTIONS} from './price-corrections';
import {PRICE_SNAPSHOT, PRICE_SNAPSHOT_SOURCE} from './price-table.generated';

// Node only: it reads the installed dataset through the generator, which the browser bundle must never import.
interface PriceTableGenerator {
  OUTPUT_PATH: string;
  datasetVersion(): string;
  renderPriceTable(options: {asOf: string}): string;
  datasetModelIdOf(provider: string, modelId: string): string | undefined;
}

describe('price-table.generated.ts', () => {
  let generator: PriceTableGenerator;

  beforeAll(async () => {
    // A computed specifier keeps TypeScript from typing the untyped .mjs and keeps the dataset out of other bundles.
    const url = pathToFileURL(resolve('tools/generate-price-table.mjs')).href;
    generator = (await import(url)) as PriceTableGenerator;
  });

  it('was generated from the installed dataset version', () => {
    expect(PRICE_SNAPSHOT_SOURCE.version).toBe(generator.datasetVersion());
  });

  it('equals a fresh generation, so a dataset upgrade that changes prices fails until regenerated', () => {
    const committed = readFileSync(generator.OUTPUT_PATH, 'utf8');
    const regenerated = generator.renderPriceTable({asOf: PRICE_SNAPSHOT_SOURCE.asOf});
    expect(regenerated === committed)
      .withContext(`Run: node tools/generate-price-table.mjs --as-of=${PRICE_SNAPSHOT_SOURCE.asOf}`)
      .toBeTrue();
  });

  it('resolves every listed id and sample dated ids to the model the dataset picks', () => {
    const samples: Record<string, string[]> = {
      openai: ['gpt-5-mini-2025-08-07', 'gpt-5-mini-20250807', 'gpt-4.1-mini-2025-04-14', 'o4-mini-2025-04-16'],
      anthropic: ['claude-haiku-4-5-20251001', 'claude-sonnet-4-20250514', 'claude-opus-4-1-20250805'],
      gemini: ['gemini-2.5-flash-preview-09-2025', 'gemini-2.5-pro-preview-06-05', 'gemini-2.0-flash-001'],
      deepseek: ['deepseek-r1-0528', 'deepseek-chat-v3-0324'],
      cohere: ['command-a-03-2025', 'command-r-plus-08-2024'],
    };
    for (const [provider, models] of Object.entries(PRICE_SNAPSHOT)) {
      const corrected = PRICE_CORRECTIONS[provider] ?? {};
      for (const requested of [...models.map(model => model.id), ...(samples[provider] ?? [])]) {
        // A few canonical ids fail their own rule (ft:gpt-4o's rule is starts_with 'ft:gpt-4o-2024-'); llm-rx
        // tries exact ids first, so that a picker's ids always have a price.
        const datasetId = generator.datasetModelIdOf(provider, requested) ?? requested;
        const expected = corrected[datasetId] ?? models.find(model => model.id === datasetId)?.price;
        expect(expected).withContext(`${provider}/${requested} → ${datasetId}`).toBeDefined();
        expect(LlmPriceTable.default.priceOf(provider, requested))
          .withContext(`${provider}/${requested}`)
          .toEqual(expected);
      }
    }
  });

  it('has only corrections that change a listed model, so stale ones get removed', () => {
    for (const [provider, prices] of Object.entries(PRICE_CORRECTIONS)) {
      for (const [model, price] of Object.entries(prices)) {
        const listed = PRICE_SNAPSHOT[provider]?.find(candidate => candidate.id === model);
        expect(listed).withContext(`${provider}/${model}`).toBeDefined();
        expect(listed?.price).withContext(`${provider}/${model} now equals the dataset`).not.toEqual(price);
      }
    }
  });
});
