import {defineConfig} from '@playwright/test';
import {execFileSync} from 'node:child_process';

/**
 * A free TCP port, found synchronously: the config is evaluated before the web servers start, and again in each
 * worker, which inherits the runner's environment, so the ports are chosen once and read from there after.
 */
function freePort(): string {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], {encoding: 'utf8'});
}

process.env['LLM_RX_E2E_MOCK_PORT'] ??= freePort();
process.env['LLM_RX_E2E_DEMO_PORT'] ??= freePort();
process.env['LLM_RX_E2E_CHAOS_PORT'] ??= freePort();
// One seed per run for the chaos suite (e2e/chaos.spec.ts), drawn here so that a restarted worker keeps it.
process.env['LLM_RX_CHAOS_SEED'] ??= String(Math.floor(Math.random() * 2 ** 32));
const mockPort = process.env['LLM_RX_E2E_MOCK_PORT'];
const demoPort = process.env['LLM_RX_E2E_DEMO_PORT'];
const chaosPort = process.env['LLM_RX_E2E_CHAOS_PORT'];
// A production build served as files starts faster than `ng serve` and tests what users get.
const demoDir = 'dist/e2e-demo';
// The chaos suite's page: the library without Angular, bundled by esbuild in a few seconds (see e2e/chaos-harness).
const chaosDir = 'dist/chaos-harness';

/**
 * The demo's end-to-end tests: headless Chromium against a production build of the demo and the mock provider
 * server, each on a free port. Run with `npx playwright test`; the JSON report (pass/fail counts under `stats`)
 * goes to `$LLM_RX_E2E_JSON`, default `test-results/e2e.json`.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // One worker: the machine has two cores, and the timing tests need one of them.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 60_000,
  expect: {timeout: 10_000},
  reporter: [['list'], ['json', {outputFile: process.env['LLM_RX_E2E_JSON'] ?? 'test-results/e2e.json'}]],
  use: {
    baseURL: `http://127.0.0.1:${demoPort}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: {width: 1200, height: 900},
    launchOptions: {
      executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{name: 'chromium', use: {browserName: 'chromium'}}],
  webServer: [
    {
      command: `node --import tsx projects/mock-providers/src/main.ts --port ${mockPort} --host 127.0.0.1`,
      url: `http://127.0.0.1:${mockPort}/__mock/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command:
        `npx ng build demo --configuration production --output-path ${demoDir} && ` +
        `node e2e/serve-static.mjs ${demoDir}/browser ${demoPort}`,
      url: `http://127.0.0.1:${demoPort}/`,
      reuseExistingServer: false,
      timeout: 240_000,
    },
    {
      command: `node e2e/chaos-harness/build.mjs ${chaosDir} && node e2e/serve-static.mjs ${chaosDir} ${chaosPort}`,
      url: `http://127.0.0.1:${chaosPort}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
