// Specs of `npm start` as a user runs it: the real npm, the real tools/start-demo.mjs, the real mock provider
// server and the real demo proxy (projects/demo/proxy/main.ts), with tools/testing/stand-in-ng-serve.mjs instead of ng serve (the same process shape, a fraction of the
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

/** A running `npm start`, and every process below it once its servers listen. */
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

/** The ports `npm start` is told to use: the dev server's (`--port`), the mock server's and the proxy's. */
interface DemoPorts {
  servePort: number;
  mockPort: number;
  proxyPort: number;
}

async function freeDemoPorts(): Promise<DemoPorts> {
  return {servePort: await freeLoopbackPort(), mockPort: await freeLoopbackPort(), proxyPort: await freeLoopbackPort()};
}

/** Runs `npm start` on the ports, without waiting for anything. */
function spawnDemo({servePort, mockPort, proxyPort}: DemoPorts): {npm: ChildProcess; output: () => string} {
  const npm = spawn('npm', ['start', '--', '--port', String(servePort)], {
    env: {
      ...process.env,
      MOCK_PROVIDERS_PORT: String(mockPort),
      LLM_RX_PROXY_PORT: String(proxyPort),
      LLM_RX_DEMO_SERVE_COMMAND: JSON.stringify([process.execPath, 'tools/testing/stand-in-ng-serve.mjs']),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout!.on('data', data => (output += data));
  npm.stderr!.on('data', data => (output += data));
  return {npm, output: () => output};
}

async function startDemo(): Promise<RunningDemo> {
  const demoPorts = await freeDemoPorts();
  const ports = [demoPorts.servePort, demoPorts.mockPort, demoPorts.proxyPort];
  const {npm, output} = spawnDemo(demoPorts);
  const isReady = await waitUntil(async () => {
    for (const port of ports) if (await isPortFree(port)) return false;
    return true;
  }, START_TIMEOUT_MS);
  const demo = {npm, processes: descendantsOf(npm.pid!), ports, output};
  running.push(demo);
  if (!isReady)
    throw new Error(`npm start did not start its three servers within ${START_TIMEOUT_MS} ms:\n${output()}`);
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
    "starts its own proxy rather than reusing one (it holds this environment's keys): a taken port ends the demo",
    async () => {
      const demoPorts = await freeDemoPorts();
      const blocker = createServer();
      await new Promise<void>(resolve => blocker.listen(demoPorts.proxyPort, '127.0.0.1', resolve));
      try {
        const {npm, output} = spawnDemo(demoPorts);
        const exitCode = await new Promise<number | null>(resolve => npm.once('exit', code => resolve(code)));

        expect(exitCode).withContext(output()).not.toBe(0);
        expect(output()).toContain(`cannot listen on 127.0.0.1:${demoPorts.proxyPort}`);
        await waitUntil(
          async () => (await isPortFree(demoPorts.servePort)) && (await isPortFree(demoPorts.mockPort)),
          STOP_TIMEOUT_MS,
        );
        expect([await isPortFree(demoPorts.servePort), await isPortFree(demoPorts.mockPort)])
          .withContext(output())
          .toEqual([true, true]);
      } finally {
        blocker.close();
      }
    },
    SPEC_TIMEOUT_MS,
  );

  // Each server is found by a part of its command line: the stand-in dev server's `-e` script, the mock's, the proxy's.
  for (const [server, commandPart] of [
    ['the dev server', 'createServer'],
    ['the mock server', 'mock-providers/src/main.ts'],
    ['the proxy', 'demo/proxy/main.ts'],
  ] as const) {
    it(
      `stops the other servers and ends when ${server} ends`,
      async () => {
        const demo = await startDemo();

        process.kill(processRunning(demo, commandPart).pid, 'SIGKILL');

        expect(await leftoversAfterStop(demo))
          .withContext(demo.output())
          .toEqual([]);
        expect(demo.npm.exitCode).not.toBe(0);
      },
      SPEC_TIMEOUT_MS,
    );
  }
});
