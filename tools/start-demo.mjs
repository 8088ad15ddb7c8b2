// `npm start`: the mock provider server (simulated providers: no keys, no internet) and the demo's dev server.
// Extra arguments go to `ng serve` (e.g. `npm start -- --port 4300`).
import {spawn} from 'node:child_process';

// The mock server reads the same variable; tools/start-demo.spec.ts sets it to keep off the shared port 4010.
const MOCK_URL = `http://127.0.0.1:${process.env.MOCK_PROVIDERS_PORT || 4010}`;
// Only tools/start-demo.spec.ts sets this (a JSON array: command and arguments), to run a cheap stand-in for ng serve.
const SERVE_COMMAND = process.env.LLM_RX_DEMO_SERVE_COMMAND
  ? JSON.parse(process.env.LLM_RX_DEMO_SERVE_COMMAND)
  : ['npx', 'ng', 'serve', 'demo'];

async function isMockUp() {
  try {
    return (await fetch(`${MOCK_URL}/__mock/health`)).ok;
  } catch {
    return false;
  }
}

const children = [];
if (await isMockUp()) {
  console.log(`Using the mock provider server already running at ${MOCK_URL}.`);
} else {
  children.push(
    spawn(process.execPath, ['--import', 'tsx', 'projects/mock-providers/src/main.ts'], {stdio: 'inherit'}),
  );
}
children.push(spawn(SERVE_COMMAND[0], [...SERVE_COMMAND.slice(1), ...process.argv.slice(2)], {stdio: 'inherit'}));

const stop = () => children.forEach(child => child.kill());
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Either one ending (a crash, a port in use) ends both, so a half-working demo never stays up.
children.forEach(child =>
  child.on('exit', code => {
    stop();
    process.exitCode = code ?? 0;
  }),
);
