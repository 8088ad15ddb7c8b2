import {summaryOf} from '../object/object-results-fixtures';
import type {ToolArgumentsResults, ToolArgumentsRow} from './tool-arguments';
import type {ToolLoopResults, ToolLoopRow} from './tool-loop';
import type {ToolsBenchLibrary} from './tool-loop-consumers';

/**
 * The loop bench's results, for the report's and the targets' specs: the raw SDK at 4 ms of CPU per loop.
 * @param llmRxRatio llm-rx's CPU over the raw SDK's.
 * @param spread That ratio's IQR half-width, relative.
 * @returns The results.
 */
export function toolLoopResults(llmRxRatio = 1.05, spread = 0): ToolLoopResults {
  const row = (library: ToolsBenchLibrary, toRaw: number, ratioSpread = 0): ToolLoopRow => ({
    library,
    cpuMsPerLoop: summaryOf(4 * toRaw, 0.05, 15),
    wallMsPerLoop: summaryOf(6 * toRaw, 0.05, 15),
    cpuRatioToRaw: summaryOf(toRaw, ratioSpread, 15),
    wallRatioToRaw: summaryOf(toRaw, ratioSpread, 15),
    cpuOverheadMs: summaryOf(4 * (toRaw - 1), ratioSpread, 15),
  });
  return {
    rows: [row('raw SDK', 1), row('llm-rx', llmRxRatio, spread), row('Vercel AI SDK', 3)],
    loopsPerSample: 10,
  };
}

/**
 * The argument-streaming bench's results: 2,000 chunks of 19.9 kB; text at 10 µs per chunk for llm-rx.
 * @param llmRxToText llm-rx's CPU per tool-argument chunk over its text chunk.
 * @param spread That ratio's IQR half-width, relative.
 * @returns The results.
 */
export function toolArgumentsResults(llmRxToText = 1.3, spread = 0): ToolArgumentsResults {
  const row = (
    library: ToolsBenchLibrary,
    mode: ToolArgumentsRow['mode'],
    cpu: number,
    toText: number,
    toLlmRx: number,
    ratioSpread = 0,
  ): ToolArgumentsRow => ({
    library,
    mode,
    cpuMicrosPerChunk: summaryOf(cpu, 0.05, 11),
    wallMicrosPerChunk: summaryOf(cpu * 1.5, 0.05, 11),
    cpuRatioToText: summaryOf(toText, ratioSpread, 11),
    cpuRatioToLlmRx: summaryOf(toLlmRx, 0, 11),
  });
  return {
    answer: {records: 38, chunks: 2_000, bytes: 19_918, characters: 19_100},
    rows: [
      row('raw SDK', 'text', 8, 1, 0.8),
      row('raw SDK', 'tool-arguments', 8.8, 1.1, 8.8 / (10 * llmRxToText)),
      row('llm-rx', 'text', 10, 1, 1),
      row('llm-rx', 'tool-arguments', 10 * llmRxToText, llmRxToText, 1, spread),
      row('Vercel AI SDK', 'text', 50, 1, 5),
      row('Vercel AI SDK', 'tool-arguments', 60, 1.2, 60 / (10 * llmRxToText)),
    ],
  };
}
