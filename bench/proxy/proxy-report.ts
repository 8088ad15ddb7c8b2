import {formatNumber, markdownTable, medianWithIqr, range, ratio} from '../report-format';
import type {BenchResults} from '../results';
import {PROXY_PROTOCOL} from './proxy-bench';
import {PROXY_BENCH_LIMITS} from './proxy-kinds';
import type {ProxyPerChunkRow} from './proxy-per-chunk';
import {PROXY_TTFC_CHUNKS, type ProxyTtfcRow} from './proxy-ttfc';

/**
 * Renders the proxy section of `BENCHMARKS.md`: what a proxy adds to the time to first chunk, and the proxy
 * process's CPU per chunk, for a hand-written pass-through and for llm-rx/proxy, against a direct call.
 * @param results The run.
 * @returns The Markdown, or `''` when the section did not run.
 */
export function renderProxySection(results: BenchResults): string {
  const {proxy, machine, settings} = results;
  if (!proxy?.ttfc && !proxy?.perChunk) return '';
  const limits = Object.entries(PROXY_BENCH_LIMITS)
    .map(([name, value]) => `${name}: ${value.toLocaleString('en-US')}`)
    .join(', ');
  const parts = [
    `## 13. Proxy: llm-rx/proxy against a hand-written pass-through (Node)

Run with \`npm run bench -- --only=proxy\` (\`--smoke --only=proxy\` checks the harness in seconds). The same llm-rx call
(\`createOpenAiLlm()\`, ${PROTOCOL_NAME}, through the real \`openai\` SDK, the adapter's defaults) to the mock server three
ways: **direct**; through the **plain pass-through** (\`bench/proxy/plain-pass-through-proxy.ts\`: a \`node:http\`
listener that reads the request, \`fetch\`es the upstream with the key added and pipes the answer back, what a team writes by
hand today, with no policy at all); and through **llm-rx/proxy** (\`createLlmProxy()\` served by \`toNodeListener()\`, every
per-user limit on (${limits}) in a memory store: the origin, route, authentication, body and model checks, the admission
and settlement in the store, the answer's SSE frames redacted and its usage metered as it passes). Each proxy runs
in its **own child process** (with \`--expose-gc\`), so that its CPU time is its own: the bench reads the proxy process's
\`process.cpuUsage()\` through a control route just before and just after each call (after a full collection there);
the mock server runs in another process again, so three processes share the machine's ${machine.cores} cores
(${machine.cpuModel}, load average ${formatNumber(machine.loadAverage, 2)} at the start). Every round checks that both proxies gave the client the same text and
usage as direct, and that llm-rx/proxy's log has the call's \`finished\` line with the usage metered from the stream.`,
  ];
  if (proxy.ttfc) parts.push(ttfcTable(proxy.ttfc, settings));
  if (proxy.perChunk) parts.push(perChunkTable(proxy.perChunk, settings));
  return parts.join('\n\n');
}

const PROTOCOL_NAME = PROXY_PROTOCOL === 'openai-chat' ? 'OpenAI Chat Completions' : PROXY_PROTOCOL;

function ttfcTable(rows: readonly ProxyTtfcRow[], settings: BenchResults['settings']): string {
  return `### Time to first chunk

Warm: SDK loaded, clients built, keep-alive connections open on every hop; a ${PROXY_TTFC_CHUNKS}-chunk answer, ${settings.ttfcRounds} interleaved rounds
after warm-ups, from \`subscribe()\` to the first \`text-delta\`. "Added" is the route minus direct, round by round.

${markdownTable(
  ['Route', 'TTFC ms, median (IQR)', 'min–max', 'Added ms, median (IQR)', '× direct, median (min–max)'],
  rows.map(row => [
    row.route,
    medianWithIqr(row.ttfcMs, 2),
    range(row.ttfcMs, 2),
    row.addedMs ? medianWithIqr(row.addedMs, 2) : '',
    row.ratioToDirect ? ratio(row.ratioToDirect) : '1.00×',
  ]),
)}`;
}

function perChunkTable(rows: readonly ProxyPerChunkRow[], settings: BenchResults['settings']): string {
  return `### CPU per chunk

A long answer, ${settings.chunks.toLocaleString('en-US')} text chunks, through each route; ${settings.warmups} warm-up and ${settings.rounds} measured rounds, interleaved. **Proxy
CPU** is the proxy process's user + system time over the call, divided by the chunks (the plain pass-through only
copies bytes; llm-rx/proxy also splits the SSE frames, redacts each and meters the usage); the client's CPU (the bench
process, the same work on every route) and the end-to-end wall time are measured as in section 1. Ratios are taken
round by round, then the median.

${markdownTable(
  [
    'Route',
    'Proxy CPU µs/chunk, median (IQR)',
    'Proxy CPU min–max',
    'Proxy CPU × plain, median (min–max)',
    'Client CPU µs/chunk, median (IQR)',
    'Wall µs/chunk, median (IQR)',
    'Wall × direct, median (min–max)',
  ],
  rows.map(row => [
    row.route,
    row.proxyCpuMicrosPerChunk ? medianWithIqr(row.proxyCpuMicrosPerChunk, 2) : '',
    row.proxyCpuMicrosPerChunk ? range(row.proxyCpuMicrosPerChunk, 2) : '',
    row.proxyCpuRatioToPlain ? ratio(row.proxyCpuRatioToPlain) : '',
    medianWithIqr(row.clientCpuMicrosPerChunk, 2),
    medianWithIqr(row.wallMicrosPerChunk, 2),
    row.route === 'direct' ? '1.00×' : ratio(row.wallRatioToDirect),
  ]),
)}`;
}
