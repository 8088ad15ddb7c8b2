import {isDeepStrictEqual} from 'node:util';
import {PartialJsonParser} from 'llm-rx';
import {collectGarbage, interleavedRounds, type RoundsConfig} from '../lib/measure';
import {type SampleSummary, summarize} from '../lib/stats';
import {expectedObjectAnswer, type ObjectAnswer} from './object-answer';
import {splitIntoPieces} from './object-fixture';

/** The ways of parsing a streamed JSON text that the parser bench compares. */
export type ObjectParserKind = 'JSON.parse once' | 'push only' | 'push + snapshot' | 're-parse per chunk';

/** One parser on one answer, without any wire. */
export interface ObjectParserRow {
  readonly answer: ObjectAnswer;
  readonly parser: ObjectParserKind;
  /** CPU microseconds per chunk (for `JSON.parse once`: its one parse over the chunk count). */
  readonly cpuMicrosPerChunk: SampleSummary;
  /** CPU milliseconds per answer (for `re-parse per chunk`: per chunk × chunks). */
  readonly cpuMsPerAnswer: SampleSummary;
  /** Measured runs, and for `re-parse per chunk` the chunk boundaries sampled per run. */
  readonly runs: number;
  readonly sampledChunks?: number;
}

/** What the parser bench parses. */
export interface ObjectParserConfig extends RoundsConfig {
  /** The answers, as `{records, chunks}`. */
  readonly answers: readonly {readonly records: number; readonly chunks: number}[];
  /** Runs of the re-parse baseline (slow: it parses the whole text so far at every chunk). */
  readonly reparseRounds: number;
  /** Chunk boundaries the re-parse baseline is measured at, evenly spaced; at most the chunk count. */
  readonly reparseSamples: number;
}

/**
 * The parser alone: `PartialJsonParser` (`push()` of every chunk, then `snapshot()` as the object stream does;
 * and `push()` alone) against `JSON.parse()` of the whole text once (the floor) and against re-parsing the whole
 * text so far at every chunk (the Vercel AI SDK's `parsePartialJson()`: repair the prefix, then `JSON.parse()`).
 * The re-parse's cost at a chunk depends only on the text before it, so it is measured at evenly spaced chunk
 * boundaries and averaged: the full run would take chunks × that, which is what makes it quadratic.
 * @param config Answers and rounds.
 * @param log Progress messages.
 * @returns One row per answer and parser.
 * @throws Error when a parser's value differs from `JSON.parse()`.
 */
export async function benchObjectParser(
  config: ObjectParserConfig,
  log: (message: string) => void,
): Promise<ObjectParserRow[]> {
  const {parsePartialJson} = await import('ai');
  const rows: ObjectParserRow[] = [];
  for (const {records, chunks} of config.answers) {
    const answer = expectedObjectAnswer(records, chunks);
    const pieces = splitIntoPieces(answer.json, chunks);
    log(`object parser: ${records} items in ${chunks} chunks`);
    const check = (parser: string, value: unknown) => {
      if (!isDeepStrictEqual(value, answer.value)) {
        throw new Error(`bench: ${parser} on ${records} items in ${chunks} chunks differs from JSON.parse()`);
      }
    };
    const contenders: {kind: ObjectParserKind; run: () => unknown}[] = [
      {kind: 'JSON.parse once', run: () => JSON.parse(answer.json)},
      {
        kind: 'push only',
        run: () => {
          const parser = new PartialJsonParser();
          for (const piece of pieces) parser.push(piece);
          return valueOf(parser);
        },
      },
      {
        kind: 'push + snapshot',
        run: () => {
          const parser = new PartialJsonParser();
          let snapshot: unknown;
          for (const piece of pieces) if (parser.push(piece)) snapshot = parser.snapshot();
          check('the last snapshot', snapshot);
          return valueOf(parser);
        },
      },
    ];
    const samples = await interleavedRounds(contenders, config, async contender => {
      const {cpuMicros, result} = measureCpu(contender.run);
      check(contender.kind, result);
      return cpuMicros;
    });
    contenders.forEach((contender, index) =>
      rows.push(row(answer, contender.kind, samples[index] ?? [], config.rounds)),
    );

    // The baseline, sampled: the text so far at `sampledChunks` evenly spaced chunks, each parsed as at that chunk.
    const sampledChunks = Math.min(config.reparseSamples, chunks);
    const prefixes = Array.from({length: sampledChunks}, (_, index) => {
      const through = Math.round(((index + 1) * chunks) / sampledChunks);
      return pieces.slice(0, through).join('');
    });
    const reparse: number[] = [];
    let reparsed: unknown;
    for (let round = 0; round < config.reparseRounds; round++) {
      let total = 0;
      collectGarbage();
      for (const prefix of prefixes) {
        const before = process.cpuUsage();
        const parsed = await parsePartialJson(prefix);
        const cpu = process.cpuUsage(before);
        total += cpu.user + cpu.system;
        reparsed = parsed.value;
      }
      // The last sampled chunk is the last chunk: its text so far is the whole text.
      check('re-parse per chunk at the last chunk', reparsed);
      // The mean over the sampled chunks, times the answer's chunks: one whole run's cost.
      reparse.push((total / sampledChunks) * chunks);
    }
    rows.push({...row(answer, 're-parse per chunk', reparse, config.reparseRounds), sampledChunks});
  }
  return rows;
}

function valueOf(parser: PartialJsonParser): unknown {
  const end = parser.end();
  if ('failure' in end) throw new Error(`bench: PartialJsonParser failed: ${end.failure.message}`);
  return end.value;
}

function measureCpu<T>(run: () => T): {cpuMicros: number; result: T} {
  collectGarbage();
  const before = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(before);
  return {cpuMicros: cpu.user + cpu.system, result};
}

function row(
  {records, chunks, bytes, characters}: ObjectAnswer,
  parser: ObjectParserKind,
  cpuMicrosPerAnswer: readonly number[],
  runs: number,
): ObjectParserRow {
  return {
    answer: {records, chunks, bytes, characters},
    parser,
    cpuMicrosPerChunk: summarize(cpuMicrosPerAnswer.map(cpu => cpu / chunks)),
    cpuMsPerAnswer: summarize(cpuMicrosPerAnswer.map(cpu => cpu / 1000)),
    runs,
  };
}
