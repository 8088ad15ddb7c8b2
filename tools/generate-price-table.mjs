// Writes projects/llm-rx/src/lib/pricing/price-table.generated.ts from the installed @pydantic/genai-prices, so the
// llm-rx core carries a few kB of prices instead of importing the 830 kB dataset at runtime, and
// projects/llm-rx/compatible/src/compatible-prices.generated.ts: one constant per llm-rx/compatible preset, so an
// app bundles only the prices of the presets it imports (OpenRouter alone lists ~700 models).
// Usage: node tools/generate-price-table.mjs [--as-of=YYYY-MM-DD]
// --as-of picks, among a model's start-date prices, those in effect on that day (default: today, UTC).
// price-table.node.spec.ts regenerates with the snapshot's own date and fails when the output differs.
import {calcPrice, findProvider} from '@pydantic/genai-prices';
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const DATASET_PACKAGE = '@pydantic/genai-prices';
export const OUTPUT_PATH = fileURLToPath(
  new URL('../projects/llm-rx/src/lib/pricing/price-table.generated.ts', import.meta.url),
);

export const PRESET_OUTPUT_PATH = fileURLToPath(
  new URL('../projects/llm-rx/compatible/src/compatible-prices.generated.ts', import.meta.url),
);

/** llm-rx provider name → dataset provider id. */
const PROVIDERS = {openai: 'openai', anthropic: 'anthropic', gemini: 'google', deepseek: 'deepseek', cohere: 'cohere'};

/**
 * llm-rx/compatible preset name → [dataset provider id, the constant's name]. DeepInfra and the local servers have
 * no prices in the dataset (a local model is priced 0 by the preset itself).
 */
const PRESET_PROVIDERS = {
  groq: ['groq', 'GROQ_PRICES'],
  together: ['together', 'TOGETHER_PRICES'],
  fireworks: ['fireworks', 'FIREWORKS_PRICES'],
  openrouter: ['openrouter', 'OPENROUTER_PRICES'],
  mistral: ['mistral', 'MISTRAL_PRICES'],
  xai: ['x-ai', 'XAI_PRICES'],
  moonshot: ['moonshotai', 'MOONSHOT_PRICES'],
};

/** Any llm-rx provider name (core or preset) → dataset provider id. */
function datasetIdOf(provider) {
  return PROVIDERS[provider] ?? PRESET_PROVIDERS[provider]?.[0];
}

/** Dataset price key → LlmModelPrice field. Other keys (audio, image output, video, tool fees) are dropped. */
const FIELDS = {
  input_mtok: 'inputPerMillion',
  output_mtok: 'outputPerMillion',
  cache_read_mtok: 'cachedInputPerMillion',
  cache_write_mtok: 'cacheWritePerMillion',
  cache_write_1h_mtok: 'cacheWriteOneHourPerMillion',
  input_image_mtok: 'imageInputPerMillion',
};

/** The installed dataset's version, read from its package.json. */
export function datasetVersion() {
  const packageJson = new URL('../node_modules/@pydantic/genai-prices/package.json', import.meta.url);
  return JSON.parse(readFileSync(packageJson, 'utf8')).version;
}

/**
 * Today's date in UTC as YYYY-MM-DD.
 * @returns {string}
 */
export function todayUtc() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Builds the snapshot: for each llm-rx provider, its non-deprecated text models with their price and match rule.
 * @param {{asOf: string}} options The day whose start-date prices apply.
 */
export function buildPriceSnapshot({asOf}) {
  const providers = {};
  for (const [name, datasetId] of Object.entries(PROVIDERS)) providers[name] = pricedModelsOf(name, datasetId, asOf);
  return providers;
}

/** A dataset provider's non-deprecated text models, priced on a day, with their match rules. */
function pricedModelsOf(name, datasetId, asOf) {
  const provider = findProvider({providerId: datasetId});
  if (!provider) throw new Error(`${DATASET_PACKAGE} has no provider '${datasetId}'`);
  return provider.models
    .filter(model => !model.deprecated && !isForeignModel(name, model))
    .map(model => ({id: model.id, price: toLlmModelPrice(model, asOf), match: model.match}))
    .filter(model => model.price !== undefined);
}

/**
 * The dataset's Gemini provider also lists the Claude models Vertex AI hosts; llm-rx prices Claude under
 * `anthropic` only, so the Gemini pickers show Gemini models.
 */
function isForeignModel(name, model) {
  return name === 'gemini' && model.id.startsWith('claude-');
}

/**
 * A model's price on a day, as an LlmModelPrice with its time-of-day windows, or undefined without text rates.
 * @param {import('@pydantic/genai-prices').ModelInfo} model A dataset model.
 * @param {string} asOf The day whose start-date prices apply.
 */
function toLlmModelPrice(model, asOf) {
  const {prices, windows} = pricesInEffect(model, asOf);
  const base = toLlmPrice(prices);
  if (base === undefined || windows.length === 0) return base;
  const timeOfDayPrices = windows.map(({constraint, prices: windowPrices}) => {
    const rates = toLlmPrice(windowPrices);
    if (rates === undefined) throw new Error(`${model.id}: a time-of-day price without input and output rates`);
    return {startTimeUtc: utcTimeOf(constraint.start_time), endTimeUtc: utcTimeOf(constraint.end_time), ...rates};
  });
  return {...base, timeOfDayPrices};
}

/**
 * The dataset's own last-to-first walk over a model's conditional prices, with start-date constraints decided by
 * `asOf`: the first unconstrained or started price is the default, and the time-of-day prices the walk passes on the
 * way to it are the windows that win over it at their times (in the dataset's order, so the last one wins).
 */
function pricesInEffect(model, asOf) {
  if (!Array.isArray(model.prices)) return {prices: model.prices, windows: []};
  const windows = [];
  for (const conditional of [...model.prices].reverse()) {
    const constraint = conditional.constraint;
    if (constraint?.type === 'time_of_date') windows.unshift(conditional);
    else if (constraint === undefined || (constraint.type === 'start_date' && asOf >= constraint.start_date)) {
      return {prices: conditional.prices, windows};
    } else if (constraint.type !== 'start_date') {
      throw new Error(`${model.id}: unknown price constraint ${JSON.stringify(constraint)}`);
    }
  }
  return {prices: model.prices[0].prices, windows};
}

/**
 * A dataset time of day (`HH:MM:SS[.fff]` with `Z` or an offset) as llm-rx writes it: UTC, `HH:MM` when on the minute.
 * @param {string} time
 * @returns {string}
 */
function utcTimeOf(time) {
  const parts = /^(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (!parts) throw new Error(`Unexpected time of day in ${DATASET_PACKAGE}: ${time}`);
  const [, hours, minutes, seconds, , sign, offsetHours, offsetMinutes] = parts;
  const offset = sign ? (sign === '+' ? 1 : -1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) : 0;
  const utcMinutes = (((Number(hours) * 60 + Number(minutes) - offset) % 1440) + 1440) % 1440;
  const clock = `${pad(Math.floor(utcMinutes / 60))}:${pad(utcMinutes % 60)}`;
  return Number(seconds) === 0 ? clock : `${clock}:${seconds}`;
}

function pad(value) {
  return String(value).padStart(2, '0');
}

/** Maps dataset prices to an LlmModelPrice, or undefined for models without both text rates (embeddings, audio). */
function toLlmPrice(prices) {
  if (prices.input_mtok === undefined || prices.output_mtok === undefined) return undefined;
  const base = {};
  const thresholds = new Set();
  for (const [key, field] of Object.entries(FIELDS)) {
    const value = prices[key];
    if (value === undefined) continue;
    base[field] = typeof value === 'number' ? value : value.base;
    if (typeof value === 'object') for (const tier of value.tiers) thresholds.add(tier.start);
  }
  const tiers = [...thresholds]
    .sort((left, right) => left - right)
    .map(threshold => {
      const tier = {aboveInputTokens: threshold};
      for (const [key, field] of Object.entries(FIELDS)) {
        const value = prices[key];
        if (value !== undefined) tier[field] = priceAbove(value, threshold);
      }
      return tier;
    });
  return tiers.length ? {...base, tiers} : base;
}

/** A key's price for prompts longer than `threshold`: the dataset applies the last tier with `start` below the size. */
function priceAbove(value, threshold) {
  if (typeof value === 'number') return value;
  let price = value.base;
  for (const tier of [...value.tiers].sort((left, right) => left.start - right.start)) {
    if (tier.start <= threshold) price = tier.price;
  }
  return price;
}

/**
 * Renders the snapshot as the TypeScript module llm-rx commits.
 * @param {{asOf: string}} options The day whose start-date prices apply.
 * @returns {string}
 */
export function renderPriceTable({asOf}) {
  const snapshot = buildPriceSnapshot({asOf});
  const lines = [
    ...generatedHeader(asOf, [
      '// upgrade the package and rerun the command (price-table.node.spec.ts fails until you do); fix a wrong price in',
      '// price-corrections.ts. Start-date prices are those in effect on the --as-of day; time-of-day prices are kept.',
      "import type {LlmPricedModel} from './llm-model-price';",
      '',
      '/** Where and when the snapshot below was generated. */',
      'PRICE_SNAPSHOT_SOURCE',
    ]),
    '',
    "/** Non-deprecated text models per llm-rx provider, in the dataset's order (the first matching rule wins). */",
    'export const PRICE_SNAPSHOT: Readonly<Record<string, readonly LlmPricedModel[]>> = {',
  ];
  for (const [provider, models] of Object.entries(snapshot)) {
    lines.push(`  ${provider}: [`, ...models.map(model => `  ${modelLine(model)}`), '  ],');
  }
  lines.push('};', '');
  return lines.join('\n');
}

/**
 * A generated module's first lines: where it comes from, then `lines`, whose last one names the source constant.
 * @param {string} asOf The day whose start-date prices apply.
 * @param {string[]} lines What the module says of itself, its import and its source constant's TSDoc and name.
 * @returns {string[]}
 */
function generatedHeader(asOf, lines) {
  const version = datasetVersion();
  const source = lines.at(-1);
  return [
    `// Generated from ${DATASET_PACKAGE}@${version} by \`node tools/generate-price-table.mjs --as-of=${asOf}\`. Do not edit:`,
    ...lines.slice(0, -1),
    `export const ${source} = {package: '${DATASET_PACKAGE}', version: '${version}', asOf: '${asOf}'} as const;`,
  ];
}

/** One priced model as a line of a generated array. */
function modelLine(model) {
  return `  {id: ${literal(model.id)}, price: ${literal(model.price)}, match: ${literal(model.match)}},`;
}

/**
 * Renders the presets' prices as the TypeScript module llm-rx/compatible commits: one constant per preset.
 * @param {{asOf: string}} options The day whose start-date prices apply.
 * @returns {string}
 */
export function renderPresetPrices({asOf}) {
  const lines = generatedHeader(asOf, [
    '// upgrade the package and rerun the command (compatible-prices.node.spec.ts fails until you do). One constant per',
    '// preset, so that an app bundles only the prices of the presets it imports.',
    "import type {LlmPricedModel} from 'llm-rx';",
    '',
    '/** Where and when the prices below were generated. */',
    'PRESET_PRICES_SOURCE',
  ]);
  for (const [name, [datasetId, constant]] of Object.entries(PRESET_PROVIDERS)) {
    lines.push(
      '',
      `/** The ${name} preset's text models (dataset provider \`${datasetId}\`), in the dataset's order. */`,
      `export const ${constant}: readonly LlmPricedModel[] = [`,
      ...pricedModelsOf(name, datasetId, asOf).map(modelLine),
      '];',
    );
  }
  lines.push('');
  return lines.join('\n');
}

/** A compact TypeScript literal in the repository's Prettier style (single quotes, no bracket spacing). */
function literal(value) {
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const entries = Object.entries(value).map(([key, item]) => `${key}: ${literal(item)}`);
  return `{${entries.join(', ')}}`;
}

/**
 * The canonical model id the dataset itself resolves a requested id to, for checking llm-rx's resolution.
 * @param {string} provider An llm-rx provider name.
 * @param {string} modelId The requested id.
 * @returns {string | undefined}
 */
export function datasetModelIdOf(provider, modelId) {
  const result = calcPrice({input_tokens: 0, output_tokens: 0}, modelId, {
    provider: findProvider({providerId: datasetIdOf(provider)}),
  });
  return result?.model.id;
}

/**
 * The dataset's own calculation for a usage, for the oracle spec that checks llm-rx's costs against it.
 * @param {string} provider An llm-rx provider name.
 * @param {string} modelId The requested id.
 * @param {Record<string, number>} usage Usage in the dataset's keys (`input_tokens`, `cache_write_1h_tokens`, …).
 * @param {Date} timestamp When the call was made; picks start-date and time-of-day prices.
 * @returns {import('@pydantic/genai-prices').PriceCalculationResult}
 */
export function datasetCalcPrice(provider, modelId, usage, timestamp) {
  return calcPrice(usage, modelId, {provider: findProvider({providerId: datasetIdOf(provider)}), timestamp});
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const asOf = process.argv.find(argument => argument.startsWith('--as-of='))?.slice('--as-of='.length) ?? todayUtc();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`--as-of must be YYYY-MM-DD, got ${asOf}`);
  writeFileSync(OUTPUT_PATH, renderPriceTable({asOf}));
  writeFileSync(PRESET_OUTPUT_PATH, renderPresetPrices({asOf}));
  console.log(
    `Wrote ${OUTPUT_PATH} and ${PRESET_OUTPUT_PATH} (${DATASET_PACKAGE}@${datasetVersion()}, prices as of ${asOf}).`,
  );
}
