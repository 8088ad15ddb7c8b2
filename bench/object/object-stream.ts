import {setTimeout as delay} from 'node:timers/promises';
import type {ConsumerTarget} from '../consumers/consumer';
import {clearMockLog, isClosedConnection} from '../lib/mock-server-process';
import {interleavedRounds, measureRun, type RoundsConfig} from '../lib/measure';
import {pairedRatios, type SampleSummary, summarize} from '../lib/stats';
import {assertObjectResult, type ExpectedObjectAnswer, expectedObjectAnswer, type ObjectAnswer} from './object-answer';
import {
  llmRxObjectConsumers,
  type ObjectBenchLibrary,
  type ObjectBenchMode,
  type ObjectStreamConsumer,
  vercelObjectConsumers,
} from './object-consumers';

/**
 * The pause after each run and after the full GC before the next (neither measured): for the connection pool to
 * drop what the server closed, and for the collector's threads to finish, whose CPU would count in a short run.
 */
const SETTLE_MS = 30;

/** The object bench's mock server: the repository's, with `objectAnswerWire()` around every wire. */
export const OBJECT_MOCK_SERVER_MAIN = 'bench/object/object-mock-server.ts';

/** What the object bench streams and parses. */
export interface ObjectBenchSettings {
  /** Items in the large answer (about 530 bytes of JSON each). */
  readonly records: number;
  /** Measured rounds of llm-rx (and of the parser bench), after the bench's warm-ups. */
  readonly rounds: number;
  /**
   * Chunk counts `[small, large]`. The large answer streams `records` items in `large` chunks; the small one as
   * many fewer items as it has fewer chunks (the same chunk size, so that a cost that grows with the text before
   * a chunk shows); the coarse one the large answer's items in `small` chunks.
   */
  readonly chunks: readonly [number, number];
  /** The Vercel AI SDK's measured runs of the small answer (it re-parses the whole text at every chunk). */
  readonly vercelRounds: number;
  /** The chunk count of the Vercel AI SDK's one run of a bigger answer (same chunk size), instead of the large one. */
  readonly vercelChunks: number;
  /** Runs of the parser bench's re-parse baseline. */
  readonly reparseRounds: number;
  /** Chunk boundaries the re-parse baseline is measured at per run. */
  readonly reparseSamples: number;
}

/** What the object-stream bench streams. */
export interface ObjectStreamConfig extends RoundsConfig, ObjectBenchSettings {
  /** The object bench's mock server ({@link OBJECT_MOCK_SERVER_MAIN}). */
  readonly target: ConsumerTarget;
}

/**
 * The answers of the object bench, by kind.
 * @param settings Items and chunk counts.
 * @returns Items and chunks of each answer.
 */
export function objectAnswerSizes(
  settings: Pick<ObjectBenchSettings, 'records' | 'chunks' | 'vercelChunks'>,
): Record<ObjectAnswerKind, {readonly records: number; readonly chunks: number}> {
  const [small, large] = settings.chunks;
  const scaled = (chunks: number) => ({records: Math.max(1, Math.round((settings.records * chunks) / large)), chunks});
  return {
    small: scaled(small),
    large: {records: settings.records, chunks: large},
    coarse: {records: settings.records, chunks: small},
    'vercel-bounded': scaled(settings.vercelChunks),
  };
}

/** Which answer a row measured. */
export type ObjectAnswerKind = 'small' | 'large' | 'coarse' | 'vercel-bounded';

/** One library reading one answer one way. */
export interface ObjectStreamRow {
  readonly kind: ObjectAnswerKind;
  readonly answer: ObjectAnswer;
  readonly library: ObjectBenchLibrary;
  readonly mode: ObjectBenchMode;
  /** CPU microseconds per chunk. */
  readonly cpuMicrosPerChunk: SampleSummary;
  /** Wall microseconds per chunk. */
  readonly wallMicrosPerChunk: SampleSummary;
  /** CPU over the same library's text stream of the same answer, round by round (1 for a text row). */
  readonly cpuRatioToText: SampleSummary;
  /** Partial objects the last run received (0 for a text row). */
  readonly partials: number;
}

/** How a library's object-over-text ratio moves from one answer to another: `ratio(to) / ratio(from)`. */
export interface ObjectLinearity {
  readonly library: ObjectBenchLibrary;
  readonly from: ObjectAnswerKind;
  readonly to: ObjectAnswerKind;
  /** Round by round where both were measured in the same rounds, else the ratio of the medians (count 1). */
  readonly ratio: SampleSummary;
}

/** The object-stream bench's results. */
export interface ObjectStreamResults {
  readonly answers: Readonly<Partial<Record<ObjectAnswerKind, ObjectAnswer>>>;
  readonly rows: readonly ObjectStreamRow[];
  readonly linearity: readonly ObjectLinearity[];
  readonly vercelRounds: number;
}

/**
 * The object-stream bench: llm-rx's `streamObject()` against its own text stream of the same bytes (OpenAI Chat
 * Completions on the mock server), at the small, large and coarse answers in interleaved rounds; then the Vercel
 * AI SDK's `partialOutputStream` against its own text stream, bounded (see {@link ObjectStreamConfig}). Every run
 * is checked: the text byte for byte, the validated object and the last partial against the JSON.
 * @param config Answers, rounds and the mock server.
 * @param log Progress messages.
 * @returns The rows (by answer: llm-rx text, llm-rx object, Vercel text, Vercel object) and the linearity ratios.
 * @throws Error when a consumer saw something else than the answer.
 */
export async function benchObjectStream(
  config: ObjectStreamConfig,
  log: (message: string) => void,
): Promise<ObjectStreamResults> {
  const sizes = objectAnswerSizes(config);
  const expected = (kind: ObjectAnswerKind) => expectedObjectAnswer(sizes[kind].records, sizes[kind].chunks);
  const answers: Record<ObjectAnswerKind, ExpectedObjectAnswer> = {
    small: expected('small'),
    large: expected('large'),
    coarse: expected('coarse'),
    'vercel-bounded': expected('vercel-bounded'),
  };
  const rows: ObjectStreamRow[] = [];
  const linearity: ObjectLinearity[] = [];

  const llmRx = await llmRxObjectConsumers(config.target);
  log(`object stream llm-rx: ${describe(answers.small)}, ${describe(answers.large)}, ${describe(answers.coarse)}`);
  const llmRxKinds: ObjectAnswerKind[] = ['small', 'large', 'coarse'];
  const llmRxRows = await measure(config, llmRx, llmRxKinds, answers, config, log);
  rows.push(...llmRxRows.rows);
  const ratioOf = (kind: ObjectAnswerKind) => llmRxRows.ratios.get(kind) as number[];
  for (const from of ['small', 'coarse'] as const) {
    linearity.push({
      library: 'llm-rx',
      from,
      to: 'large',
      ratio: summarize(pairedRatios(ratioOf('large'), ratioOf(from))),
    });
  }

  const vercel = await vercelObjectConsumers(config.target);
  log(
    `object stream Vercel AI SDK: ${describe(answers.small)} ×${config.vercelRounds}, ${describe(answers['vercel-bounded'])} ×1`,
  );
  // One run of each on a tiny answer first, so that neither pays for loading and compiling its code.
  const warmUp = expectedObjectAnswer(
    Math.max(1, Math.round(sizes.small.records / 10)),
    Math.max(1, Math.round(sizes.small.chunks / 10)),
  );
  for (const consumer of vercel)
    assertObjectResult(consumer, warmUp, await consumer.run(warmUp.records, warmUp.chunks));
  const vercelSmall = await measure(config, vercel, ['small'], answers, {warmups: 0, rounds: config.vercelRounds}, log);
  const vercelBounded = await measure(config, vercel, ['vercel-bounded'], answers, {warmups: 0, rounds: 1}, log);
  rows.push(...vercelSmall.rows, ...vercelBounded.rows);
  const medianRatio = (result: typeof vercelSmall, kind: ObjectAnswerKind) =>
    summarize(result.ratios.get(kind) as number[]).median;
  linearity.push({
    library: 'Vercel AI SDK',
    from: 'small',
    to: 'vercel-bounded',
    ratio: summarize([medianRatio(vercelBounded, 'vercel-bounded') / medianRatio(vercelSmall, 'small')]),
  });
  const order: ObjectAnswerKind[] = ['small', 'large', 'coarse', 'vercel-bounded'];
  rows.sort((left, right) => order.indexOf(left.kind) - order.indexOf(right.kind));
  return {
    answers: Object.fromEntries(order.map(kind => [kind, withoutJson(answers[kind])])),
    rows,
    linearity,
    vercelRounds: config.vercelRounds,
  };
}

/** Runs a library's text and object consumers on each answer, all interleaved; ratios are object over text. */
async function measure(
  config: ObjectStreamConfig,
  consumers: readonly ObjectStreamConsumer[],
  kinds: readonly ObjectAnswerKind[],
  answers: Readonly<Record<ObjectAnswerKind, ExpectedObjectAnswer>>,
  rounds: RoundsConfig,
  log: (message: string) => void,
): Promise<{rows: ObjectStreamRow[]; ratios: Map<ObjectAnswerKind, number[]>}> {
  const contenders = kinds.flatMap(kind => consumers.map(consumer => ({kind, consumer})));
  const partials = new Map<(typeof contenders)[number], number>();
  let runsInRound = 0;
  const samples = await interleavedRounds(contenders, rounds, async contender => {
    const answer = answers[contender.kind];
    const run = () => measureRun(() => contender.consumer.run(answer.records, answer.chunks), SETTLE_MS);
    // A run whose request picked a keep-alive connection the server had just closed is measured again (once).
    const cost = await run().catch(error => {
      if (!isClosedConnection(error)) throw error;
      log(
        `object stream: ${contender.consumer.library} (${contender.consumer.mode}) hit a closed connection; once more`,
      );
      return run();
    });
    assertObjectResult(contender.consumer, answer, cost.result);
    partials.set(contender, cost.result.partials);
    // A long run keeps the event loop busy past the server's keep-alive timeout: let this process see the idle
    // connections the server closed meanwhile, so that the next request does not pick one of them.
    await delay(SETTLE_MS);
    if (++runsInRound === contenders.length) {
      runsInRound = 0;
      await clearMockLog(config.target.baseUrl);
    }
    return {cpu: cost.cpuMicros / answer.chunks, wall: (cost.wallMs * 1000) / answer.chunks};
  });
  const cpuOf = (index: number) => (samples[index] ?? []).map(sample => sample.cpu);
  const rows: ObjectStreamRow[] = [];
  const ratios = new Map<ObjectAnswerKind, number[]>();
  contenders.forEach((contender, index) => {
    const textIndex = contenders.findIndex(
      other =>
        other.kind === contender.kind &&
        other.consumer.mode === 'text' &&
        other.consumer.library === contender.consumer.library,
    );
    const toText = pairedRatios(cpuOf(index), cpuOf(textIndex));
    if (contender.consumer.mode === 'object') ratios.set(contender.kind, toText);
    rows.push({
      kind: contender.kind,
      answer: withoutJson(answers[contender.kind]),
      library: contender.consumer.library,
      mode: contender.consumer.mode,
      cpuMicrosPerChunk: summarize(cpuOf(index)),
      wallMicrosPerChunk: summarize((samples[index] ?? []).map(sample => sample.wall)),
      cpuRatioToText: summarize(toText),
      partials: partials.get(contender) ?? 0,
    });
  });
  return {rows, ratios};
}

function withoutJson({records, chunks, bytes, characters}: ExpectedObjectAnswer): ObjectAnswer {
  return {records, chunks, bytes, characters};
}

function describe(answer: ObjectAnswer): string {
  return `${answer.records} items (${(answer.bytes / 1000).toFixed(0)} kB) in ${answer.chunks} chunks`;
}
