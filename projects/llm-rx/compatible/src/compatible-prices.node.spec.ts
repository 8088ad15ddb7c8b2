import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {LlmPriceTable, type LlmPricedModel, NO_TOKENS, priceLlmUsage} from 'llm-rx';
import * as PRESET_PRICES from './compatible-prices.generated';

// Node only: it reads the installed dataset through the generator, which the browser bundle must never import.
interface PriceTableGenerator {
  PRESET_OUTPUT_PATH: string;
  datasetVersion(): string;
  renderPresetPrices(options: {asOf: string}): string;
  datasetCalcPrice(
    provider: string,
    modelId: string,
    usage: Record<string, number>,
    timestamp: Date,
  ): {readonly total_price: number} | null;
}

/** Preset name → its generated constant. */
const PRICED_PRESETS: Readonly<Record<string, readonly LlmPricedModel[]>> = {
  groq: PRESET_PRICES.GROQ_PRICES,
  together: PRESET_PRICES.TOGETHER_PRICES,
  fireworks: PRESET_PRICES.FIREWORKS_PRICES,
  openrouter: PRESET_PRICES.OPENROUTER_PRICES,
  mistral: PRESET_PRICES.MISTRAL_PRICES,
  xai: PRESET_PRICES.XAI_PRICES,
  moonshot: PRESET_PRICES.MOONSHOT_PRICES,
};

describe('compatible-prices.generated.ts', () => {
  let generator: PriceTableGenerator;

  beforeAll(async () => {
    // A computed specifier keeps TypeScript from typing the untyped .mjs and keeps the dataset out of other bundles.
    generator = (await import(pathToFileURL(resolve('tools/generate-price-table.mjs')).href)) as PriceTableGenerator;
  });

  it('equals a fresh generation from the installed dataset', () => {
    const {asOf, version} = PRESET_PRICES.PRESET_PRICES_SOURCE;
    expect(version).toBe(generator.datasetVersion());
    expect(generator.renderPresetPrices({asOf}) === readFileSync(generator.PRESET_OUTPUT_PATH, 'utf8'))
      .withContext(`Run: node tools/generate-price-table.mjs --as-of=${asOf}`)
      .toBeTrue();
  });

  it("prices every preset model as the dataset's calcPrice does (1000 in, 250 cached, 500 out)", () => {
    const time = new Date(`${PRESET_PRICES.PRESET_PRICES_SOURCE.asOf}T12:00:00Z`);
    const counts = {...NO_TOKENS, inputTokens: 1_000, cachedInputTokens: 250, outputTokens: 500};
    const usage = {input_tokens: 1_000, cache_read_tokens: 250, output_tokens: 500};
    const disagreements: string[] = [];
    let compared = 0;
    for (const [preset, models] of Object.entries(PRICED_PRESETS)) {
      const table = LlmPriceTable.default.withModels(preset, models);
      for (const {id} of models) {
        const expected = generator.datasetCalcPrice(preset, id, usage, time);
        // A canonical id that fails its own rule: the dataset prices nothing, llm-rx the exact id.
        if (!expected) continue;
        compared++;
        const cost = priceLlmUsage(preset, id, counts, table, time).totalCost;
        if (cost === null || Math.abs(cost - expected.total_price) > 1e-9 * Math.max(cost, expected.total_price)) {
          disagreements.push(`${preset}/${id}: ${cost} vs ${expected.total_price}`);
        }
      }
    }
    expect(compared).toBeGreaterThan(700);
    expect(disagreements).toEqual([]);
  });
});
