// `npm start`: the mock provider server (simulated providers: no keys, no internet), the demo's key-holding proxy
// (projects/demo/proxy: the real providers, with the keys of this environment) and the demo's dev server.
// Extra arguments go to `ng serve` (e.g. `npm start -- --port 4300`).
//
// However `npm start` is stopped (Ctrl-C, a closed terminal, SIGTERM, SIGINT or SIGHUP to npm's pid or to this
// script's), everything it started stops, grandchildren included; and any child ending ends the others, so a
// half-working demo never stays up and the next `npm start` finds its ports free. tools/start-demo.spec.ts checks it.
//
// A mock server already running is reused (it holds no keys and answers the same to everyone); the proxy is always
// started, never reused: it holds the keys of the environment `npm start` runs in, and one left from another
// terminal would serve that terminal's keys. Its port (LLM_RX_PROXY_PORT, default 4020) taken ends the demo.
import {spawn} from 'node:child_process';
import {constants} from 'node:os';

// The mock server reads the same variable; tools/start-demo.spec.ts sets it to keep off the shared port 4010.
const MOCK_URL = `http://127.0.0.1:${process.env.MOCK_PROVIDERS_PORT || 4010}`;
// Only tools/start-demo.spec.ts sets this (a JSON array: command and arguments), to run a cheap stand-in for ng serve.
const SERVE_COMMAND = process.env.LLM_RX_DEMO_SERVE_COMMAND
  ? JSON.parse(process.env.LLM_RX_DEMO_SERVE_COMMAND)
  : ['npx', 'ng', 'serve', 'demo'];
const STOP_GRACE_MS = 5_000;
const POLL_MS = 100;

async function isMockUp() {
  try {
    return (await fetch(`${MOCK_URL}/__mock/health`)).ok;
  } catch {
    return false;
  }
}

/** Sends a signal to every process in the child's process group; false when none is left. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    // ESRCH: the group is empty (EPERM, a member we may not signal, would not stop for us either).
    return false;
  }
}

const children = [];
let isStopping = false;
let parentWatch;

/** Stops every child's process group: SIGTERM, then SIGKILL after the grace period. The script ends after them. */
function stop(reason, exitCode) {
  if (isStopping) return;
  isStopping = true;
  process.exitCode = exitCode;
  clearInterval(parentWatch);
  children.forEach(child => signalGroup(child, 'SIGTERM'));
  console.error(`npm start: ${reason}; stopping the demo.`);
  const startedAt = Date.now();
  let hasKilled = false;
  // Wait for the groups, not only for the children: ng serve outlives npx, which is the child.
  const wait = setInterval(() => {
    const alive = children.filter(child => signalGroup(child, 0));
    if (!alive.length) {
      clearInterval(wait);
    } else if (!hasKilled && Date.now() - startedAt > STOP_GRACE_MS) {
      hasKilled = true;
      alive.forEach(child => signalGroup(child, 'SIGKILL'));
    }
  }, POLL_MS);
}

function start(command) {
  const child = spawn(command[0], command.slice(1), {
    // Its own process group, so that a stop reaches what it starts in turn: npx runs ng through a shell that dies
    // of SIGTERM without passing it on, and ng and tsx run esbuild. No stdin: a process outside the terminal's
    // foreground group that reads it would be stopped (SIGTTIN); ng's prompts then fail with a clear message.
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  child.on('error', error => stop(`${command.join(' ')} failed to start (${error.message})`, 1));
  child.on('exit', (code, signal) => {
    const exitCode = code ?? 128 + constants.signals[signal];
    stop(`${command.join(' ')} ended (${signal ?? `exit code ${code}`})`, exitCode);
  });
}

// After a closed terminal or a gone npm, a failed write must not crash this script half-way through a stop.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => stop(`received ${signal}`, 128 + constants.signals[signal]));
}
// npm passes only SIGINT and SIGTERM on to this script (package.json runs it with `exec`, so that no shell stands
// in between to swallow them). Any other end of npm, such as a SIGHUP to its pid, shows only as this process's
// parent changing, since an orphan is re-parented.
const parentPid = process.ppid;
parentWatch = setInterval(() => {
  if (process.ppid !== parentPid) stop(`its parent process ${parentPid} ended`, 128 + constants.signals.SIGHUP);
}, POLL_MS * 2);

const isMockRunning = await isMockUp();
// A stop during that check leaves nothing to start.
if (!isStopping) {
  if (isMockRunning) {
    console.log(`Using the mock provider server already running at ${MOCK_URL}.`);
  } else {
    start([process.execPath, '--import', 'tsx', 'projects/mock-providers/src/main.ts']);
  }
  start([process.execPath, '--import', 'tsx', 'projects/demo/proxy/main.ts']);
  start([...SERVE_COMMAND, ...process.argv.slice(2)]);
}
