// The one test command (`npm test`): lint, type-check, build the library, then every spec in Node and in headless
// Chromium against the mock provider server. Ends with a plain "N passed, N failed" line.
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const MOCK_URL = 'http://127.0.0.1:4010';
const only = process.argv.slice(2);
const workDir = mkdtempSync(join(tmpdir(), 'llm-rx-tests-'));
process.env.CHROME_BIN ||= '/usr/bin/chromium';

/** Each step: a name, a command, and whether its specs are counted (else the step counts as one check). */
const steps = [
  {name: 'lint', command: ['npx', 'eslint', '.']},
  {name: 'format', command: ['npx', 'prettier', '--check', '.', '--log-level', 'warn']},
  {name: 'typecheck', command: ['npx', 'tsc', '-p', 'tsconfig.typecheck.json']},
  {name: 'build', command: ['npx', 'ng', 'build', 'llm-rx']},
  {name: 'bundle check', command: [process.execPath, 'tools/check-bundles.mjs'], counted: true},
  // The packed library as a user installs it: README and LICENSE, and types that compile without Dexie.
  {name: 'package check', command: [process.execPath, 'tools/check-package.mjs']},
  {name: 'node specs', command: [process.execPath, '--import', 'tsx', 'tools/jasmine-node.mjs'], counted: true},
  // A small run of every benchmark, so they cannot rot; it checks the consumers agree, not the timings.
  {name: 'bench smoke', command: [process.execPath, '--expose-gc', '--import', 'tsx', 'bench/main.ts', '--smoke']},
  {name: 'browser specs', command: ['npx', 'ng', 'test', 'llm-rx', '--watch=false'], counted: true},
  {name: 'e2e', command: ['npx', 'playwright', 'test'], counted: true, playwright: true},
];

function run(command, env = {}) {
  return new Promise(resolve => {
    const child = spawn(command[0], command.slice(1), {stdio: 'inherit', env: {...process.env, ...env}});
    child.on('exit', code => resolve(code ?? 1));
  });
}

/** A runner's counts: ours ({passed, failed}) or Playwright's JSON report ({stats: {expected, unexpected, flaky}}). */
function readTotals(file, isPlaywright) {
  if (!existsSync(file)) return {passed: 0, failed: 0};
  const report = JSON.parse(readFileSync(file, 'utf8'));
  if (!isPlaywright) return report;
  // A flaky test passed only on a retry: count it as failed, so flakiness never hides in a green line.
  return {passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky};
}

async function isMockUp() {
  try {
    return (await fetch(`${MOCK_URL}/__mock/health`)).ok;
  } catch {
    return false;
  }
}

async function startMockProviders() {
  if (await isMockUp()) return undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', 'projects/mock-providers/src/main.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let waited = 0; waited < 30_000; waited += 200) {
    if (await isMockUp()) return child;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`the mock provider server did not answer at ${MOCK_URL} within 30 s`);
}

const results = [];
const mock = await startMockProviders();
try {
  for (const step of steps) {
    if (only.length && !only.includes(step.name)) continue;
    console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
    const totalsFile = join(workDir, `${step.name.replace(/\W/g, '-')}.json`);
    const startedAt = Date.now();
    const code = await run(step.command, {
      LLM_RX_TOTALS_FILE: totalsFile,
      LLM_RX_E2E_JSON: totalsFile,
      LLM_RX_MOCK_PROVIDERS: 'external',
    });
    if (step.counted) {
      const totals = readTotals(totalsFile, step.playwright);
      // A runner that exits non-zero without a failed spec (a crash, a build error) still counts as a failure.
      const failed = totals.failed + (code !== 0 && totals.failed === 0 ? 1 : 0);
      results.push({name: step.name, passed: totals.passed, failed, seconds: (Date.now() - startedAt) / 1000});
    } else {
      const seconds = (Date.now() - startedAt) / 1000;
      results.push({name: step.name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, seconds});
    }
  }
} finally {
  mock?.kill();
}

console.log('\n=== summary');
// Each step's time, so that a slow step shows before CI's time budget runs out.
for (const result of results) {
  console.log(
    `${result.name.padEnd(14)} ${result.passed} passed, ${result.failed} failed (${result.seconds.toFixed(0)} s)`,
  );
}
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
