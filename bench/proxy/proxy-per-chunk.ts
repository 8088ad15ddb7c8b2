import {assertConsumersAgree, type ConsumerTarget, type StreamResult} from '../consumers/consumer';
import {streamThrough} from '../consumers/llm-rx-consumers';
import {clearMockLog} from '../lib/mock-server-process';
import {interleavedRounds, measureRun, type RoundsConfig} from '../lib/measure';
import {pairedRatios, type SampleSummary, summarize} from '../lib/stats';
import {checkProxyLog, type ProxyContender} from './proxy-bench';
import type {ProxyRoute} from './proxy-kinds';

/** One route's cost per chunk of a long answer. */
export interface ProxyPerChunkRow {
  readonly route: ProxyRoute;
  /** The proxy process's CPU microseconds per chunk (absent for direct). */
  readonly proxyCpuMicrosPerChunk?: SampleSummary;
  /** The proxy's CPU over the plain pass-through's, round by round (absent for direct). */
  readonly proxyCpuRatioToPlain?: SampleSummary;
  /** The bench process's (the client's) CPU microseconds per chunk: the same work on every route. */
  readonly clientCpuMicrosPerChunk: SampleSummary;
  /** End-to-end wall microseconds per chunk, from `subscribe()` to the end of the answer. */
  readonly wallMicrosPerChunk: SampleSummary;
  /** The wall time over direct's, round by round. */
  readonly wallRatioToDirect: SampleSummary;
}

/** What the proxy's per-chunk part streams. */
export interface ProxyPerChunkConfig extends RoundsConfig {
  readonly target: ConsumerTarget;
  /** Text chunks per answer. */
  readonly chunks: number;
}

interface PerChunkSample {
  readonly proxyCpu: number | undefined;
  readonly clientCpu: number;
  readonly wall: number;
}

/**
 * The proxies' cost per chunk: the same llm-rx call streams a long answer direct, through the plain pass-through
 * and through llm-rx/proxy, interleaved. For a proxied run, the proxy process's CPU is read (after a full
 * collection there) just before and just after the call; the client's CPU and the wall time are measured here as
 * in the per-chunk section. Every round checks that the three saw the same text and usage, and that llm-rx/proxy
 * metered the call.
 * @param contenders Direct first, then the plain pass-through, then llm-rx/proxy.
 * @param config Chunks, rounds and the mock server.
 * @returns One row per route, direct first.
 * @throws Error when a route disagrees with direct or the llm-rx proxy's log is wrong.
 */
export async function benchProxyPerChunk(
  contenders: readonly ProxyContender[],
  config: ProxyPerChunkConfig,
): Promise<ProxyPerChunkRow[]> {
  const scenario = `chunks=${config.chunks};tag=bench-proxy-per-chunk`;
  const round: {label: string; result: StreamResult}[] = [];
  const samples = await interleavedRounds(contenders, config, async (contender): Promise<PerChunkSample> => {
    const proxyBefore = await contender.proxy?.cpuMicros();
    const cost = await measureRun(() => streamThrough(contender.llm, scenario));
    const proxyAfter = await contender.proxy?.cpuMicros();
    await checkProxyLog(contender, cost.result);
    round[contenders.indexOf(contender)] = {label: contender.route, result: cost.result};
    if (round.filter(Boolean).length === contenders.length) {
      assertConsumersAgree(round, config.chunks);
      round.length = 0;
      await clearMockLog(config.target.baseUrl);
    }
    return {
      proxyCpu:
        proxyBefore === undefined || proxyAfter === undefined ? undefined : (proxyAfter - proxyBefore) / config.chunks,
      clientCpu: cost.cpuMicros / config.chunks,
      wall: (cost.wallMs * 1000) / config.chunks,
    };
  });
  const of = (index: number, pick: (sample: PerChunkSample) => number | undefined) =>
    (samples[index] ?? []).map(pick).filter((value): value is number => value !== undefined);
  const plainIndex = contenders.findIndex(contender => contender.proxy?.kind === 'plain');
  return contenders.map((contender, index) => {
    const proxyCpu = of(index, sample => sample.proxyCpu);
    return {
      route: contender.route,
      ...(proxyCpu.length && {
        proxyCpuMicrosPerChunk: summarize(proxyCpu),
        proxyCpuRatioToPlain: summarize(
          pairedRatios(
            proxyCpu,
            of(plainIndex, sample => sample.proxyCpu),
          ),
        ),
      }),
      clientCpuMicrosPerChunk: summarize(of(index, sample => sample.clientCpu)),
      wallMicrosPerChunk: summarize(of(index, sample => sample.wall)),
      wallRatioToDirect: summarize(
        pairedRatios(
          of(index, sample => sample.wall),
          of(0, sample => sample.wall),
        ),
      ),
    };
  });
}
