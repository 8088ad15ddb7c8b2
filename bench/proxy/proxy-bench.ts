import type {LlmProxyLogEntry} from 'llm-rx/proxy';
import type {Llm} from 'llm-rx';
import {BENCH_MODELS, type BenchProtocol, type ConsumerTarget} from '../consumers/consumer';
import {assertProxyMetered, isCallLogComplete} from './proxy-metering';
import {PROXY_BENCH_CALLER_KEY, type ProxyRoute, ROUTE_OF_KIND} from './proxy-kinds';
import {type ProxyProcess, startProxyProcess} from './proxy-process';
import type {ProxyPerChunkRow} from './proxy-per-chunk';
import type {ProxyTtfcRow} from './proxy-ttfc';
import type {StreamResult} from '../consumers/consumer';

/** The protocol the proxy bench streams: OpenAI Chat Completions through the real SDK. */
export const PROXY_PROTOCOL: BenchProtocol = 'openai-chat';

/** The proxy section's results; a part is absent when it failed. */
export interface ProxyResults {
  /** Warm time to first chunk, direct and through each proxy. */
  readonly ttfc?: readonly ProxyTtfcRow[];
  /** A long answer through each proxy: the proxy process's CPU per chunk, and the wall time per chunk. */
  readonly perChunk?: readonly ProxyPerChunkRow[];
}

/** One way of making the same llm-rx call: straight to the mock server, or through a proxy in its own process. */
export interface ProxyContender {
  readonly route: ProxyRoute;
  readonly llm: Llm;
  readonly proxy?: ProxyProcess;
}

/** The three contenders, ready (SDK loaded, proxies listening), and how to stop the proxies. */
export interface ProxyContenders {
  /** Direct first, then the plain pass-through, then llm-rx/proxy. */
  readonly contenders: readonly ProxyContender[];
  close(): Promise<void>;
}

/**
 * Starts the two proxies (each in its own child process, so that its CPU is its own) in front of the mock server
 * and builds the same llm-rx model (`createOpenAiLlm()`, the adapter's defaults) three times: at the mock server,
 * at the plain pass-through and at llm-rx/proxy.
 * @param target The mock server.
 * @returns The contenders.
 */
export async function startProxyContenders(target: ConsumerTarget): Promise<ProxyContenders> {
  const proxies: ProxyProcess[] = [];
  try {
    proxies.push(await startProxyProcess('plain', target.baseUrl));
    proxies.push(await startProxyProcess('llm-rx', target.baseUrl));
  } catch (error) {
    await Promise.all(proxies.map(proxy => proxy.close()));
    throw error;
  }
  const {createOpenAiLlm} = await import('llm-rx/openai');
  const llmAt = (baseURL: string) =>
    createOpenAiLlm(BENCH_MODELS[PROXY_PROTOCOL], {apiKey: PROXY_BENCH_CALLER_KEY, baseURL, api: 'chat'});
  return {
    contenders: [
      {route: 'direct', llm: llmAt(`${target.baseUrl}/v1`)},
      ...proxies.map(proxy => ({route: ROUTE_OF_KIND[proxy.kind], llm: llmAt(proxy.baseURL), proxy})),
    ],
    close: async () => void (await Promise.all(proxies.map(proxy => proxy.close()))),
  };
}

/**
 * After a call through llm-rx/proxy, checks its log: the usage metered from the stream and charged (see
 * `assertProxyMetered()`). The plain proxy logs nothing, so there is nothing to check.
 * @param contender The contender that made the call.
 * @param result What the client saw.
 * @param timeoutMs How long to wait for the call's `finished` line.
 * @throws Error when the log disagrees.
 */
export async function checkProxyLog(contender: ProxyContender, result: StreamResult, timeoutMs = 5_000): Promise<void> {
  if (contender.proxy?.kind !== 'llm-rx') return;
  const entries: LlmProxyLogEntry[] = [];
  const deadline = Date.now() + timeoutMs;
  do {
    entries.push(...(await contender.proxy.takeLog()));
    if (isCallLogComplete(entries)) break;
    await new Promise(resolve => setTimeout(resolve, 10));
  } while (Date.now() < deadline);
  assertProxyMetered(entries, result);
}
