import {assertConsumersAgree, type ConsumerTarget, type StreamResult} from '../consumers/consumer';
import {streamThrough} from '../consumers/llm-rx-consumers';
import {clearMockLog} from '../lib/mock-server-process';
import {interleavedRounds, type RoundsConfig} from '../lib/measure';
import {pairedRatios, type SampleSummary, summarize} from '../lib/stats';
import {checkProxyLog, type ProxyContender} from './proxy-bench';
import type {ProxyRoute} from './proxy-kinds';

/** One route's warm time to first chunk. */
export interface ProxyTtfcRow {
  readonly route: ProxyRoute;
  /** Milliseconds from `subscribe()` to the first text chunk. */
  readonly ttfcMs: SampleSummary;
  /** This route minus direct, round by round (absent for direct). */
  readonly addedMs?: SampleSummary;
  /** This route over direct, round by round (absent for direct). */
  readonly ratioToDirect?: SampleSummary;
}

/** What the proxy's time-to-first-chunk part runs. */
export interface ProxyTtfcConfig extends RoundsConfig {
  readonly target: ConsumerTarget;
}

/** Text chunks of the short answer. */
export const PROXY_TTFC_CHUNKS = 3;

/**
 * Warm time to first chunk of the same llm-rx call direct, through the plain pass-through and through
 * llm-rx/proxy: connections kept alive, a 3-chunk answer streamed to the end each time, interleaved rounds. Every
 * round checks that the three saw the same text and usage, and that llm-rx/proxy metered the call.
 * @param contenders Direct first, then the proxies.
 * @param config Rounds and the mock server.
 * @returns One row per route, direct first.
 * @throws Error when a route disagrees with direct or the llm-rx proxy's log is wrong.
 */
export async function benchProxyTtfc(
  contenders: readonly ProxyContender[],
  config: ProxyTtfcConfig,
): Promise<ProxyTtfcRow[]> {
  const scenario = `chunks=${PROXY_TTFC_CHUNKS};tag=bench-proxy-ttfc`;
  const round: {label: string; result: StreamResult}[] = [];
  const samples = await interleavedRounds(contenders, config, async contender => {
    const startedAt = performance.now();
    const result = await streamThrough(contender.llm, scenario);
    if (result.firstTextAt === null) throw new Error(`bench: proxy ttfc ${contender.route}: no text`);
    await checkProxyLog(contender, result);
    round[contenders.indexOf(contender)] = {label: contender.route, result};
    if (round.filter(Boolean).length === contenders.length) {
      assertConsumersAgree(round, PROXY_TTFC_CHUNKS);
      round.length = 0;
      await clearMockLog(config.target.baseUrl);
    }
    return result.firstTextAt - startedAt;
  });
  const direct = samples[0] ?? [];
  return contenders.map((contender, index) => {
    const ms = samples[index] ?? [];
    if (index === 0) return {route: contender.route, ttfcMs: summarize(ms)};
    return {
      route: contender.route,
      ttfcMs: summarize(ms),
      addedMs: summarize(ms.map((value, sample) => value - (direct[sample] as number))),
      ratioToDirect: summarize(pairedRatios(ms, direct)),
    };
  });
}
