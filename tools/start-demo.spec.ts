// Specs of `npm start` as a user runs it: the real npm, the real tools/start-demo.mjs and the real mock provider
// server, with tools/testing/stand-in-ng-serve.mjs instead of ng serve (the same process shape, a fraction of the
// start-up time). Each spec takes a second or two; a failing one waits STOP_TIMEOUT_MS before it reports.
import {type ChildProcess, spawn, spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {freeLoopbackPort} from '@llm-rx/spec-support/node';

/** One row of the process table. */
interface ProcessInfo {
  pid: number;
  ppid: number;
  command: string;
}

/** A running `npm start`, and every process below it once both servers listen. */
interface RunningDemo {
  npm: ChildProcess;
  processes: ProcessInfo[];
  ports: number[];
  output: () => string;
}

const START_TIMEOUT_MS = 15_000;
// start-demo gives its children 5 s before it kills them; the stand-ins end at once, so this is a generous bound.
const STOP_TIMEOUT_MS = 10_000;
const SPEC_TIMEOUT_MS = START_TIMEOUT_MS + STOP_TIMEOUT_MS + 5_000;

/** Every live process; a zombie has already ended and only waits for its parent to read its exit status. */
function processTable(): ProcessInfo[] {
  // Linux's /proc needs no procps (slim images lack `ps`); elsewhere, `ps`.
  if (!existsSync('/proc/self/stat')) return processTableFromPs();
  return readdirSync('/proc').flatMap(entry => {
    try {
      // `pid (command) state ppid …`, where the command may itself contain spaces and parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') return [];
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      return [{pid: Number(entry), ppid: Number(ppid), command}];
    } catch {
      // Not a process, or one that ended while being read.
      return [];
    }
  });
}

function processTableFromPs(): ProcessInfo[] {
  const {stdout} = spawnSync('ps', ['-A', '-o', 'pid=,ppid=,stat=,args='], {encoding: 'utf8'});
  return stdout.split('\n').flatMap(line => {
    const match = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!match || match[3].startsWith('Z')) return [];
    return [{pid: Number(match[1]), ppid: Number(match[2]), command: match[4]}];
  });
}

/** The processes below `pid`: its children, their children, and so on. */
function descendantsOf(pid: number): ProcessInfo[] {
  const table = processTable();
  const ancestors = new Set([pid]);
  const found: ProcessInfo[] = [];
  for (let hasGrown = true; hasGrown;) {
    hasGrown = false;
    for (const row of table) {
      if (ancestors.has(row.ppid) && !ancestors.has(row.pid)) {
        ancestors.add(row.pid);
        found.push(row);
        hasGrown = true;
      }
    }
  }
  return found;
}

/** Whether a server could listen on the port now, as the next `npm start` will try to. */
function isPortFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (await condition()) return true;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return condition();
}

async function startDemo(): Promise<RunningDemo> {
  const ports = [await freeLoopbackPort(), await freeLoopbackPort()];
  const [servePort, mockPort] = ports;
  const npm = spawn('npm', ['start', '--', '--port', String(servePort)], {
    env: {
      ...process.env,
      MOCK_PROVIDERS_PORT: String(mockPort),
      LLM_RX_DEMO_SERVE_COMMAND: JSON.stringify([process.execPath, 'tools/testing/stand-in-ng-serve.mjs']),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout!.on('data', data => (output += data));
  npm.stderr!.on('data', data => (output += data));
  const isReady = await waitUntil(
    async () => !(await isPortFree(servePort)) && !(await isPortFree(mockPort)),
    START_TIMEOUT_MS,
  );
  const demo = {npm, processes: descendantsOf(npm.pid!), ports, output: () => output};
  running.push(demo);
  if (!isReady) throw new Error(`npm start did not start both servers within ${START_TIMEOUT_MS} ms:\n${output}`);
  return demo;
}

/** What is left of the demo: processes, npm itself, ports in use; empty when it stopped completely. */
async function leftovers(demo: RunningDemo): Promise<string[]> {
  const live = new Set(processTable().map(row => row.pid));
  const left = demo.processes.filter(row => live.has(row.pid)).map(row => `process ${row.pid}: ${row.command}`);
  if (demo.npm.exitCode === null && demo.npm.signalCode === null) left.unshift(`npm ${demo.npm.pid}`);
  for (const port of demo.ports) if (!(await isPortFree(port))) left.push(`port ${port} in use`);
  return left;
}

async function leftoversAfterStop(demo: RunningDemo): Promise<string[]> {
  await waitUntil(async () => (await leftovers(demo)).length === 0, STOP_TIMEOUT_MS);
  return leftovers(demo);
}

function processRunning(demo: RunningDemo, commandPart: string): ProcessInfo {
  const found = demo.processes.find(row => row.command.includes(commandPart));
  if (!found) throw new Error(`no process running "${commandPart}" below npm start:\n${demo.output()}`);
  return found;
}

const running: RunningDemo[] = [];

describe('npm start (tools/start-demo.mjs)', () => {
  afterEach(() => {
    // Whatever a failed spec left running must not hold ports or CPU for the specs after it.
    for (const demo of running.splice(0)) {
      for (const {pid} of [{pid: demo.npm.pid!}, ...demo.processes]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  });

  for (const target of ['npm', 'start-demo'] as const) {
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
      it(
        `stops every process it started, grandchildren included, on ${signal} to ${target}'s pid`,
        async () => {
          const demo = await startDemo();
          const pid = target === 'npm' ? demo.npm.pid! : processRunning(demo, 'tools/start-demo.mjs').pid;

          process.kill(pid, signal);

          expect(await leftoversAfterStop(demo))
            .withContext(demo.output())
            .toEqual([]);
        },
        SPEC_TIMEOUT_MS,
      );
    }
  }

  it(
    'stops the mock server and ends when the dev server ends',
    async () => {
      const demo = await startDemo();

      process.kill(processRunning(demo, 'createServer').pid, 'SIGKILL');

      expect(await leftoversAfterStop(demo))
        .withContext(demo.output())
        .toEqual([]);
      expect(demo.npm.exitCode).not.toBe(0);
    },
    SPEC_TIMEOUT_MS,
  );

  it(
    'stops the dev server and ends when the mock server ends',
    async () => {
      const demo = await startDemo();

      process.kill(processRunning(demo, 'mock-providers/src/main.ts').pid, 'SIGKILL');

      expect(await leftoversAfterStop(demo))
        .withContext(demo.output())
        .toEqual([]);
      expect(demo.npm.exitCode).not.toBe(0);
    },
    SPEC_TIMEOUT_MS,
  );
});
