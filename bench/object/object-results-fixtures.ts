import type {SampleSummary} from '../lib/stats';
import type {ObjectParserRow} from './object-parser';
import type {ObjectAnswerKind, ObjectStreamResults, ObjectStreamRow} from './object-stream';

/**
 * A summary of one value, or of a spread around it.
 * @param median The median.
 * @param spread The IQR half-width, relative to the median.
 * @param count The number of samples.
 * @returns The summary.
 */
export function summaryOf(median: number, spread = 0, count = 7): SampleSummary {
  return {
    count,
    median,
    min: median * (1 - 2 * spread),
    max: median * (1 + 2 * spread),
    q1: median * (1 - spread),
    q3: median * (1 + spread),
  };
}

const ANSWERS = {
  small: {records: 260, chunks: 2_000, bytes: 137_000, characters: 131_000},
  large: {records: 2_600, chunks: 20_000, bytes: 1_376_000, characters: 1_319_000},
  coarse: {records: 2_600, chunks: 2_000, bytes: 1_376_000, characters: 1_319_000},
  'vercel-bounded': {records: 520, chunks: 4_000, bytes: 275_000, characters: 263_000},
} as const;

/**
 * A row of the object-stream bench, for the report's and the targets' specs.
 * @param kind The answer.
 * @param library The library.
 * @param mode Text or object.
 * @param cpu CPU µs per chunk.
 * @param toText The ratio to the library's text stream.
 * @param spread The ratio's IQR half-width, relative.
 * @returns The row.
 */
export function objectRow(
  kind: ObjectAnswerKind,
  library: ObjectStreamRow['library'],
  mode: ObjectStreamRow['mode'],
  cpu: number,
  toText = 1,
  spread = 0,
): ObjectStreamRow {
  return {
    kind,
    answer: ANSWERS[kind],
    library,
    mode,
    cpuMicrosPerChunk: summaryOf(cpu),
    wallMicrosPerChunk: summaryOf(cpu * 1.2),
    cpuRatioToText: summaryOf(toText, spread),
    partials: mode === 'object' ? ANSWERS[kind].chunks : 0,
  };
}

/**
 * Object-stream results: llm-rx at 1.3×, 1.4× and 1.2× its text stream (small, large, coarse), the Vercel AI
 * SDK at 16× and 30× its own (small, its bound).
 * @param largeRatio llm-rx's ratio at the large answer.
 * @returns The results.
 */
export function objectStreamResults(largeRatio = 1.4): ObjectStreamResults {
  return {
    answers: ANSWERS,
    rows: [
      objectRow('small', 'llm-rx', 'text', 20),
      objectRow('small', 'llm-rx', 'object', 26, 1.3),
      objectRow('small', 'Vercel AI SDK', 'text', 140),
      objectRow('small', 'Vercel AI SDK', 'object', 2_240, 16),
      objectRow('large', 'llm-rx', 'text', 13),
      objectRow('large', 'llm-rx', 'object', 13 * largeRatio, largeRatio),
      objectRow('coarse', 'llm-rx', 'text', 50),
      objectRow('coarse', 'llm-rx', 'object', 60, 1.2),
      objectRow('vercel-bounded', 'Vercel AI SDK', 'text', 150),
      objectRow('vercel-bounded', 'Vercel AI SDK', 'object', 4_500, 30),
    ],
    linearity: [
      {library: 'llm-rx', from: 'small', to: 'large', ratio: summaryOf(largeRatio / 1.3)},
      {library: 'llm-rx', from: 'coarse', to: 'large', ratio: summaryOf(largeRatio / 1.2)},
      {library: 'Vercel AI SDK', from: 'small', to: 'vercel-bounded', ratio: summaryOf(30 / 16, 0, 1)},
    ],
    vercelRounds: 3,
  };
}

/**
 * Parser-bench rows for one answer: JSON.parse 10 ms, push 80 ms, push + snapshot 130 ms, re-parse 50 s.
 * @returns The rows.
 */
export function objectParserRows(): ObjectParserRow[] {
  const answer = ANSWERS.coarse;
  const row = (parser: ObjectParserRow['parser'], ms: number, runs = 7): ObjectParserRow => ({
    answer,
    parser,
    cpuMicrosPerChunk: summaryOf((ms * 1000) / answer.chunks),
    cpuMsPerAnswer: summaryOf(ms),
    runs,
    ...(parser === 're-parse per chunk' && {sampledChunks: 40}),
  });
  return [
    row('JSON.parse once', 10),
    row('push only', 80),
    row('push + snapshot', 130),
    row('re-parse per chunk', 50_000, 3),
  ];
}
