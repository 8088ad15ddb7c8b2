import {pairedRatios, type SampleSummary, summarize} from '../lib/stats';
import type {PreloadMode, PreloadPageResult} from './preload-page';

/** One mode's rounds, each in a fresh browser context. */
export interface PreloadModeResult {
  readonly firstMs: SampleSummary;
  readonly secondMs: SampleSummary;
  /** First call's time to first chunk over the second's, round by round. */
  readonly firstToSecond: SampleSummary;
  readonly preloadMs: SampleSummary;
}

/** The first Send against the second, without and with `preloadLlm()`, in Chromium. */
export interface PreloadResult {
  readonly rounds: number;
  /** The mock scenario every call streamed. */
  readonly scenario: string;
  readonly cold: PreloadModeResult;
  readonly preloaded: PreloadModeResult;
}

/**
 * Summarizes the rounds of each mode.
 * @param rounds The pages' results per mode, in round order.
 * @param scenario The mock scenario.
 * @returns The result.
 * @throws Error when a page's two calls did not stream the same text.
 */
export function summarizePreload(
  rounds: Readonly<Record<PreloadMode, readonly PreloadPageResult[]>>,
  scenario: string,
): PreloadResult {
  const modeResult = (results: readonly PreloadPageResult[]): PreloadModeResult => {
    if (results.some(result => !result.isSameText)) {
      throw new Error('bench: preload page: the first and second calls did not stream the same text');
    }
    const first = results.map(result => result.firstMs);
    const second = results.map(result => result.secondMs);
    return {
      firstMs: summarize(first),
      secondMs: summarize(second),
      firstToSecond: summarize(pairedRatios(first, second)),
      preloadMs: summarize(results.map(result => result.preloadMs)),
    };
  };
  return {rounds: rounds.cold.length, scenario, cold: modeResult(rounds.cold), preloaded: modeResult(rounds.preloaded)};
}
