/*
 * Whether a Node process exits by itself after an llm-rx call, for every adapter and every way a call can end:
 * a timer or socket an SDK leaves behind keeps a CLI, a script or a serverless function alive long after its
 * answer. Each case runs in a child process (process-exit-child.ts) that prints a marker when its call has ended;
 * the child must then exit within EXIT_BUDGET_MS, or it is killed and the case fails. Needs the mock provider
 * server on port 4010.
 */
import {type ChildProcess, spawn} from 'node:child_process';
import {join, resolve} from 'node:path';
import {fetchMockRequests, type MockRequestRecord} from '@llm-rx/mock-providers';
import {
  CALL_ENDED_MARKER,
  EXIT_ENDINGS,
  EXIT_TARGETS,
  type ExitEnding,
  type ExitReport,
  LATE_EMISSION_MARKER,
} from './process-exit-cases';
import {freeLoopbackPort} from '@llm-rx/spec-support/node';

/** How long a child may live after its marker. */
const EXIT_BUDGET_MS = 2000;
/** How long a child may take to start and end its call (loading tsx and an SDK on a loaded machine). */
const CALL_BUDGET_MS = 20_000;
/** Children run at once: enough to keep the suite short, few enough for two shared cores. */
const POOL_SIZE = 4;
const REPOSITORY_ROOT = resolve(__dirname, '../../..');
const CHILD_SCRIPT = join(__dirname, 'process-exit-child.ts');

/**
 * What the mock server must have seen of each ending's call: how many requests, and the status of the last one
 * (`null`: the headers were never sent). It tells that a timeout or a cancel happened in the HTTP phase it is
 * meant to cover.
 */
const EXPECTED_REQUESTS: Record<ExitEnding, {readonly count: number; readonly status?: number | null}> = {
  completes: {count: 1, status: 200},
  // Unsubscribed in the tick of the subscription: the SDK must not be called at all.
  'cancelled-at-once': {count: 0},
  'cancelled-in-flight': {count: 1, status: null},
  'first-chunk-timeout': {count: 1, status: null},
  'stall-timeout': {count: 1, status: 200},
  'cannot-connect': {count: 0},
};

/** What the expected report of each ending is. */
const EXPECTED: Record<ExitEnding, ExitReport> = {
  completes: {outcome: 'completed'},
  'cancelled-at-once': {outcome: 'cancelled'},
  'cancelled-in-flight': {outcome: 'cancelled'},
  'first-chunk-timeout': {outcome: 'timeout-error'},
  'stall-timeout': {outcome: 'timeout-error'},
  'cannot-connect': {outcome: 'provider-error', isRetryable: true},
};

interface ExitCase {
  readonly target: string;
  readonly ending: ExitEnding;
}

interface ChildRun {
  /** The child's report, or `undefined` when it printed no marker. */
  readonly report: ExitReport | undefined;
  /** Milliseconds from the marker to the exit; `undefined` without a marker. */
  readonly exitAfterMs: number | undefined;
  /** Whether the child was killed: it outlived its budget. */
  readonly wasKilled: boolean;
  readonly exitCode: number | null;
  readonly lateEmissions: readonly string[];
  readonly stderr: string;
  /** What the mock server recorded with the child's tag, once the child has gone. */
  readonly requests: readonly MockRequestRecord[];
}

async function runChild(exitCase: ExitCase, tag: string, closedPort: number): Promise<ChildRun> {
  const run = await runChildProcess(exitCase, tag, closedPort);
  return {...run, requests: await fetchMockRequests(tag)};
}

function runChildProcess(exitCase: ExitCase, tag: string, closedPort: number): Promise<Omit<ChildRun, 'requests'>> {
  return new Promise(resolveRun => {
    const child: ChildProcess = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD_SCRIPT, exitCase.target, exitCase.ending, tag, String(closedPort)],
      // tsx reads the tsconfig paths (llm-rx, llm-rx/openai, …) from the working directory.
      {cwd: REPOSITORY_ROOT, stdio: ['ignore', 'pipe', 'pipe']},
    );
    let stdout = '';
    let stderr = '';
    let report: ExitReport | undefined;
    let markerAt: number | undefined;
    let wasKilled = false;
    const lateEmissions: string[] = [];
    const kill = () => {
      wasKilled = true;
      child.kill('SIGKILL');
    };
    let deadline = setTimeout(kill, CALL_BUDGET_MS);
    child.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
    child.stdout?.on('data', (data: Buffer) => {
      stdout += data.toString();
      let newline: number;
      while ((newline = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, newline);
        stdout = stdout.slice(newline + 1);
        if (line.startsWith(`${CALL_ENDED_MARKER} `) && markerAt === undefined) {
          markerAt = performance.now();
          report = JSON.parse(line.slice(CALL_ENDED_MARKER.length + 1)) as ExitReport;
          clearTimeout(deadline);
          deadline = setTimeout(kill, EXIT_BUDGET_MS);
        } else if (line.startsWith(`${LATE_EMISSION_MARKER} `)) {
          lateEmissions.push(line.slice(LATE_EMISSION_MARKER.length + 1));
        }
      }
    });
    child.once('exit', exitCode => {
      const exitedAt = performance.now();
      clearTimeout(deadline);
      resolveRun({
        report,
        exitAfterMs: markerAt === undefined ? undefined : exitedAt - markerAt,
        wasKilled,
        exitCode,
        lateEmissions,
        stderr,
      });
    });
  });
}

/** Runs every case, POOL_SIZE at a time; each run is keyed by `target/ending`. */
async function runAll(cases: readonly ExitCase[]): Promise<Map<string, ChildRun>> {
  const closedPort = await freeLoopbackPort();
  const runId = Date.now().toString(36);
  const runs = new Map<string, ChildRun>();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const exitCase = cases[next++];
      const tag = `process-exit-${runId}-${exitCase.target}-${exitCase.ending}`;
      runs.set(keyOf(exitCase), await runChild(exitCase, tag, closedPort));
    }
  };
  await Promise.all(Array.from({length: POOL_SIZE}, worker));
  return runs;
}

function keyOf({target, ending}: ExitCase): string {
  return `${target}/${ending}`;
}

describe('a Node process after an llm-rx call (child processes, mock server)', () => {
  const cases: ExitCase[] = Object.keys(EXIT_TARGETS).flatMap(target => EXIT_ENDINGS.map(ending => ({target, ending})));
  let runs: Map<string, ChildRun>;

  // All cases at once, in a pool: one child after the other would take minutes.
  beforeAll(async () => {
    runs = await runAll(cases);
  }, 180_000);

  for (const exitCase of cases) {
    it(`exits by itself within ${EXIT_BUDGET_MS} ms: ${exitCase.target}, ${exitCase.ending}`, () => {
      const run = runs.get(keyOf(exitCase));
      expect(run).withContext('the case ran').toBeDefined();
      if (!run) return;
      const context = `stderr: ${run.stderr.slice(-2000)}`;
      expect(run.report).withContext(`the child reported its call's end; ${context}`).toBeDefined();
      expect(run.report).toEqual(jasmine.objectContaining(EXPECTED[exitCase.ending]));
      expect(run.lateEmissions).withContext('emissions after the end').toEqual([]);
      const expectedRequests = EXPECTED_REQUESTS[exitCase.ending];
      expect(run.requests.length).withContext('requests the mock server received').toBe(expectedRequests.count);
      if (expectedRequests.status !== undefined) {
        expect(run.requests[run.requests.length - 1]?.status)
          .withContext('status sent to the request')
          .toBe(expectedRequests.status);
      }
      if (run.wasKilled) {
        fail(
          run.exitAfterMs === undefined
            ? `killed: its call had not ended after ${CALL_BUDGET_MS} ms`
            : `killed ${EXIT_BUDGET_MS} ms after its call ended: something kept the process alive`,
        );
        return;
      }
      expect(run.exitCode).withContext(context).toBe(0);
      expect(run.exitAfterMs).toBeLessThan(EXIT_BUDGET_MS);
    });
  }
});
