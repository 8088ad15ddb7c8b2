import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import type {BenchProtocol, ConsumerTarget} from './consumers/consumer';
import {type SampleSummary, summarize} from './lib/stats';

const run = promisify(execFile);

/** The cost of the first, lazy SDK load, per protocol, in milliseconds. */
export interface ColdLoadRow {
  readonly protocol: BenchProtocol;
  /** The bare `import()` of the SDK package in a fresh process. */
  readonly importMs: SampleSummary;
  /** llm-rx's first call in a fresh process: SDK load, client, request, first chunk. */
  readonly firstCallMs: SampleSummary;
  /** The same process's second call. */
  readonly secondCallMs: SampleSummary;
}

/**
 * Measures the first lazy SDK load in fresh Node processes (under the `tsx` loader, as the bench runs), apart from
 * the warm time to first chunk.
 * @param target The mock server.
 * @param protocols The protocols.
 * @param processes Fresh processes per protocol and mode.
 * @returns One row per protocol.
 */
export async function benchColdLoad(
  target: ConsumerTarget,
  protocols: readonly BenchProtocol[],
  processes: number,
): Promise<ColdLoadRow[]> {
  const rows: ColdLoadRow[] = [];
  for (const protocol of protocols) {
    const imports: number[] = [];
    const first: number[] = [];
    const second: number[] = [];
    for (let index = 0; index < processes; index++) {
      imports.push((await child(protocol, target.baseUrl, 'import'))['importMs'] as number);
      const calls = await child(protocol, target.baseUrl, 'llm-rx');
      first.push(calls['coldMs'] as number);
      second.push(calls['warmMs'] as number);
    }
    rows.push({protocol, importMs: summarize(imports), firstCallMs: summarize(first), secondCallMs: summarize(second)});
  }
  return rows;
}

async function child(protocol: string, baseUrl: string, mode: string): Promise<Record<string, unknown>> {
  const {stdout} = await run(process.execPath, [
    '--import',
    'tsx',
    'bench/cold-load-child.ts',
    protocol,
    baseUrl,
    mode,
  ]);
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
}
