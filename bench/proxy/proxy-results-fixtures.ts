import {summaryOf} from '../object/object-results-fixtures';
import type {ProxyResults} from './proxy-bench';

/**
 * The proxy bench's results, for the report's specs: 2 ms to the first chunk direct, 0.5 and 0.9 ms added by the
 * proxies; 4 µs of proxy CPU per chunk for the plain pass-through, 3× that for llm-rx/proxy.
 * @returns The results.
 */
export function proxyResults(): ProxyResults {
  return {
    ttfc: [
      {route: 'direct', ttfcMs: summaryOf(2, 0.1)},
      {
        route: 'plain pass-through',
        ttfcMs: summaryOf(2.5, 0.1),
        addedMs: summaryOf(0.5, 0.1),
        ratioToDirect: summaryOf(1.25),
      },
      {
        route: 'llm-rx/proxy',
        ttfcMs: summaryOf(2.9, 0.1),
        addedMs: summaryOf(0.9, 0.1),
        ratioToDirect: summaryOf(1.45),
      },
    ],
    perChunk: [
      {
        route: 'direct',
        clientCpuMicrosPerChunk: summaryOf(10, 0.05),
        wallMicrosPerChunk: summaryOf(20, 0.05),
        wallRatioToDirect: summaryOf(1),
      },
      {
        route: 'plain pass-through',
        proxyCpuMicrosPerChunk: summaryOf(4, 0.05),
        proxyCpuRatioToPlain: summaryOf(1),
        clientCpuMicrosPerChunk: summaryOf(10, 0.05),
        wallMicrosPerChunk: summaryOf(24, 0.05),
        wallRatioToDirect: summaryOf(1.2),
      },
      {
        route: 'llm-rx/proxy',
        proxyCpuMicrosPerChunk: summaryOf(12, 0.05),
        proxyCpuRatioToPlain: summaryOf(3, 0.1),
        clientCpuMicrosPerChunk: summaryOf(10, 0.05),
        wallMicrosPerChunk: summaryOf(30, 0.05),
        wallRatioToDirect: summaryOf(1.5),
      },
    ],
  };
}
