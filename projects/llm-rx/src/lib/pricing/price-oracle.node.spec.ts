import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {NO_TOKENS, type LlmCost, type LlmTokenCounts} from '../usage/llm-usage';
import {LlmPriceTable} from './llm-price-table';
import {priceLlmUsage} from './price-llm-usage';
import {PRICE_SNAPSHOT, PRICE_SNAPSHOT_SOURCE} from './price-table.generated';

// Node only: the dataset's calculator comes through the generator, which the browser bundle must never import.
type DatasetPriceValue = number | {readonly base: number; readonly tiers: readonly {readonly start: number}[]};
type DatasetModelPrice = Readonly<Record<string, DatasetPriceValue | undefined>>;
type DatasetConstraint =
  | {readonly type: 'start_date'; readonly start_date: string}
  | {readonly type: 'time_of_date'; readonly start_time: string; readonly end_time: string};

interface DatasetCalculation {
  readonly input_price: number;
  readonly output_price: number;
  readonly total_price: number;
  readonly model: {
    readonly id: string;
    readonly prices:
      DatasetModelPrice | readonly {readonly constraint?: DatasetConstraint; readonly prices: DatasetModelPrice}[];
  };
}

interface PriceTableGenerator {
  datasetCalcPrice(
    provider: string,
    modelId: string,
    usage: Record<string, number>,
    timestamp: Date,
  ): DatasetCalculation | null;
}

/** A deliberate difference from the dataset's calculator: the cases it covers and why llm-rx differs there. */
interface OracleException {
  readonly provider: string;
  readonly model: string;
  /** The usages it covers (names of `USAGES`, or `prompt-N`); every case of the model when absent. */
  readonly usages?: readonly string[];
  readonly reason: string;
}

/**
 * Every case where llm-rx's cost deliberately differs from the dataset's. Each covered case must differ, so an
 * exception that the dataset (or llm-rx) has made obsolete fails until it is removed.
 */
const EXCEPTIONS: readonly OracleException[] = [
  {
    provider: 'deepseek',
    model: 'deepseek-chat',
    reason:
      'price-corrections.ts: the dataset keeps the pre-2025-09-05 rates and night-time discount; llm-rx bills the ' +
      'flat V3.2 price DeepSeek has charged since.',
  },
  {
    provider: 'deepseek',
    model: 'deepseek-reasoner',
    reason: 'price-corrections.ts: the same stale rates as deepseek-chat; llm-rx bills the flat V3.2 price.',
  },
  {
    provider: 'openai',
    model: 'ft:gpt-4o',
    reason:
      "the canonical id fails its own rule (starts_with 'ft:gpt-4o-2024-'), so the dataset prices nothing; llm-rx " +
      "tries exact ids first, so that a picker's ids always have a price.",
  },
  {
    provider: 'openai',
    model: 'ft:gpt-4o-mini',
    reason: "the same as ft:gpt-4o: its rule is starts_with 'ft:gpt-4o-mini-2024-'.",
  },
];

const TOLERANCE = 1e-9;

function tokens(counts: Partial<LlmTokenCounts>): LlmTokenCounts {
  return {...NO_TOKENS, ...counts};
}

/** The usages every model is priced for; tier thresholds add `prompt-N` usages per model. */
const USAGES: Readonly<Record<string, LlmTokenCounts>> = {
  plain: tokens({inputTokens: 1_000, outputTokens: 500}),
  'cache-read': tokens({inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 200}),
  // A provider that reports cache writes without their lifetime.
  'cache-write': tokens({inputTokens: 10_000, cacheWriteTokens: 3_000, outputTokens: 200}),
  'cache-write-5m': tokens({
    inputTokens: 10_000,
    cacheWriteTokens: 3_000,
    cacheWriteOneHourTokens: 0,
    outputTokens: 200,
  }),
  'cache-write-1h': tokens({
    inputTokens: 10_000,
    cacheWriteTokens: 3_000,
    cacheWriteOneHourTokens: 3_000,
    outputTokens: 200,
  }),
  'cache-mixed': tokens({
    inputTokens: 20_000,
    cachedInputTokens: 8_000,
    cacheWriteTokens: 6_000,
    cacheWriteOneHourTokens: 2_000,
    outputTokens: 300,
  }),
  reasoning: tokens({inputTokens: 1_000, outputTokens: 4_000, reasoningTokens: 3_000}),
  // Images reported apart (part of inputTokens), at the model's image rate where it has one.
  'image-input': tokens({inputTokens: 3_000, imageInputTokens: 1_200, outputTokens: 200}),
};

/** A prompt of `inputTokens` with cache reads and both write lifetimes, so that every tiered rate is used. */
function promptOf(inputTokens: number): LlmTokenCounts {
  return tokens({
    inputTokens,
    cachedInputTokens: Math.floor(inputTokens / 4),
    cacheWriteTokens: Math.floor(inputTokens / 8),
    cacheWriteOneHourTokens: Math.floor(inputTokens / 16),
    outputTokens: 1_000,
  });
}

/** The same counts in the dataset's usage keys; the 5-minute and 1-hour split only when it is reported. */
function datasetUsageOf(counts: LlmTokenCounts): Record<string, number> {
  const usage: Record<string, number> = {
    input_tokens: counts.inputTokens,
    cache_read_tokens: counts.cachedInputTokens,
    cache_write_tokens: counts.cacheWriteTokens,
    output_tokens: counts.outputTokens,
    output_reasoning_tokens: counts.reasoningTokens,
  };
  if (counts.imageInputTokens !== undefined) usage['input_image_tokens'] = counts.imageInputTokens;
  if (counts.cacheWriteOneHourTokens !== undefined) {
    usage['cache_write_1h_tokens'] = counts.cacheWriteOneHourTokens;
    usage['cache_write_5m_tokens'] = counts.cacheWriteTokens - counts.cacheWriteOneHourTokens;
  }
  return usage;
}

interface OracleCase {
  readonly provider: string;
  readonly model: string;
  readonly usage: string;
  readonly tokens: LlmTokenCounts;
  readonly time: Date;
}

interface OracleOutcome extends OracleCase {
  readonly isAgreeing: boolean;
  readonly description: string;
}

const DAY_SECONDS = 86_400;

/** A dataset time of day (`HH:MM:SS` with `Z` or an offset) as seconds after midnight UTC. */
function utcSecondsOf(time: string): number {
  const parts = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (!parts) throw new Error(`Unexpected time of day in the dataset: ${time}`);
  const [, hours, minutes, seconds, sign, offsetHours = '0', offsetMinutes = '0'] = parts;
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60 * (sign === '-' ? -1 : 1);
  const local = (Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds);
  return (((local - offset) % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
}

/** Every conditional and unconditional price of a dataset model. */
function pricesOf(calculation: DatasetCalculation): {constraint?: DatasetConstraint; prices: DatasetModelPrice}[] {
  const prices = calculation.model.prices;
  return Array.isArray(prices) ? [...prices] : [{prices: prices as DatasetModelPrice}];
}

/** The tier thresholds of any of a model's prices, so that prompts on both sides of each are priced. */
function tierStartsOf(calculation: DatasetCalculation): number[] {
  const starts = new Set<number>();
  for (const {prices} of pricesOf(calculation)) {
    for (const value of Object.values(prices)) {
      if (typeof value === 'object') for (const tier of value.tiers) starts.add(tier.start);
    }
  }
  return [...starts].sort((left, right) => left - right);
}

/** The snapshot day at noon UTC, then a second either side of each time-of-day band's start and end. */
function timesOf(calculation: DatasetCalculation, day: number): Date[] {
  const seconds = new Set<number>([12 * 3600]);
  for (const {constraint} of pricesOf(calculation)) {
    if (constraint?.type !== 'time_of_date') continue;
    for (const edge of [utcSecondsOf(constraint.start_time), utcSecondsOf(constraint.end_time)]) {
      seconds.add((edge - 1 + DAY_SECONDS) % DAY_SECONDS).add(edge);
    }
  }
  return [...seconds].sort((left, right) => left - right).map(second => new Date(day + second * 1000));
}

function agrees(actual: number | null, expected: number): boolean {
  if (actual === null) return false;
  return Math.abs(actual - expected) <= TOLERANCE * Math.max(Math.abs(actual), Math.abs(expected));
}

function describeCase(oracleCase: OracleCase): string {
  const clock = oracleCase.time.toISOString().slice(11, 19);
  return `${oracleCase.provider}/${oracleCase.model} ${oracleCase.usage} at ${clock}Z`;
}

function isCovered(exception: OracleException, oracleCase: OracleCase): boolean {
  return (
    exception.provider === oracleCase.provider &&
    exception.model === oracleCase.model &&
    (exception.usages === undefined || exception.usages.includes(oracleCase.usage))
  );
}

function compare(generator: PriceTableGenerator, oracleCase: OracleCase): OracleOutcome {
  const {provider, model, tokens: counts, time} = oracleCase;
  const cost: LlmCost = priceLlmUsage(provider, model, counts, LlmPriceTable.default, time);
  const expected = generator.datasetCalcPrice(provider, model, datasetUsageOf(counts), time);
  if (!expected) {
    return {...oracleCase, isAgreeing: false, description: `${describeCase(oracleCase)}: the dataset has no price`};
  }
  const isAgreeing =
    agrees(cost.inputCost, expected.input_price) &&
    agrees(cost.outputCost, expected.output_price) &&
    agrees(cost.totalCost, expected.total_price);
  const description =
    `${describeCase(oracleCase)}: input ${cost.inputCost} vs ${expected.input_price}, ` +
    `output ${cost.outputCost} vs ${expected.output_price}` +
    (expected.model.id === model ? '' : ` (the dataset resolves it to ${expected.model.id})`);
  return {...oracleCase, isAgreeing, description};
}

/** Every snapshot model × the usages, its tier-threshold prompts and its time-of-day band edges. */
function compareAll(generator: PriceTableGenerator): OracleOutcome[] {
  // The snapshot holds the start-date prices of its as-of day, so the dataset is asked about calls made that day.
  const day = Date.parse(`${PRICE_SNAPSHOT_SOURCE.asOf}T00:00:00Z`);
  const outcomes: OracleOutcome[] = [];
  for (const [provider, models] of Object.entries(PRICE_SNAPSHOT)) {
    for (const {id: model} of models) {
      const noon = new Date(day + 12 * 3600 * 1000);
      const found = generator.datasetCalcPrice(provider, model, datasetUsageOf(NO_TOKENS), noon);
      const usages = Object.entries(USAGES);
      const times = found ? timesOf(found, day) : [noon];
      for (const start of found ? tierStartsOf(found) : []) {
        usages.push([`prompt-${start}`, promptOf(start)], [`prompt-${start + 1}`, promptOf(start + 1)]);
      }
      for (const time of times) {
        for (const [usage, counts] of usages) {
          outcomes.push(compare(generator, {provider, model, usage, tokens: counts, time}));
        }
      }
    }
  }
  return outcomes;
}

describe('costs against the dataset calculator (calcPrice of @pydantic/genai-prices)', () => {
  let outcomes: OracleOutcome[];

  beforeAll(async () => {
    // A computed specifier keeps TypeScript from typing the untyped .mjs and keeps the dataset out of other bundles.
    const url = pathToFileURL(resolve('tools/generate-price-table.mjs')).href;
    outcomes = compareAll((await import(url)) as PriceTableGenerator);
  });

  it('prices every snapshot model, both cache lifetimes, every tier threshold and every time-of-day band', () => {
    const cases = new Set(outcomes.map(outcome => `${outcome.provider}/${outcome.model}`));
    for (const [provider, models] of Object.entries(PRICE_SNAPSHOT)) {
      for (const {id} of models) expect(cases).withContext('every snapshot model').toContain(`${provider}/${id}`);
    }
    const labels = outcomes.map(describeCase);
    expect(labels).toContain('anthropic/claude-sonnet-4-5 prompt-200001 at 12:00:00Z');
    expect(labels).toContain('deepseek/deepseek-v4-pro cache-mixed at 05:59:59Z');
    expect(labels).toContain('deepseek/deepseek-v4-pro cache-mixed at 06:00:00Z');
  });

  it('agree within a relative 1e-9 in every case, apart from the listed exceptions', () => {
    const unlisted = outcomes.filter(
      outcome => !outcome.isAgreeing && !EXCEPTIONS.some(exception => isCovered(exception, outcome)),
    );
    expect(unlisted.map(outcome => outcome.description))
      .withContext(`${unlisted.length} of ${outcomes.length} cases disagree`)
      .toEqual([]);
  });

  it('has only exceptions whose every case still differs', () => {
    for (const exception of EXCEPTIONS) {
      const covered = outcomes.filter(outcome => isCovered(exception, outcome));
      expect(covered.length).withContext(`${exception.provider}/${exception.model} covers no case`).toBeGreaterThan(0);
      const agreeing = covered.filter(outcome => outcome.isAgreeing).map(describeCase);
      expect(agreeing).withContext(`listed as differing (${exception.reason}) but agrees`).toEqual([]);
    }
  });
});
