// Karma for `ng test llm-rx` (@angular/build:karma): the library's specs in headless Chromium, against the
// mock provider server, which this config starts unless the test runner already did.
const {spawn} = require('node:child_process');
const {writeFileSync} = require('node:fs');
const path = require('node:path');

/** Counts spec results and, for tools/run-tests.mjs, writes them where LLM_RX_TOTALS_FILE says. */
function TotalsReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  this.onSpecComplete = (_browser, result) => {
    if (result.skipped || result.pending) skipped++;
    else if (result.success) passed++;
    else failed++;
  };
  this.onRunComplete = (_browsers, results) => {
    // A browser that crashed or a build error reports no specs: count it, so the run cannot look green.
    if (results.error || results.disconnected) failed++;
    if (process.env.LLM_RX_TOTALS_FILE) {
      writeFileSync(process.env.LLM_RX_TOTALS_FILE, JSON.stringify({passed, failed, skipped}));
    }
  };
}
TotalsReporter.$inject = ['baseReporterDecorator'];

/** Starts the mock provider server for a standalone `ng test` run; tools/run-tests.mjs starts its own. */
function MockProvidersFramework() {
  if (process.env.LLM_RX_MOCK_PROVIDERS === 'external') return;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'projects/mock-providers/src/main.ts')],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  process.on('exit', () => child.kill());
}
MockProvidersFramework.$inject = [];

module.exports = function (config) {
  process.env.CHROME_BIN ||= '/usr/bin/chromium';
  config.set({
    basePath: '',
    frameworks: ['jasmine', 'mock-providers'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      {'reporter:totals': ['type', TotalsReporter], 'framework:mock-providers': ['factory', MockProvidersFramework]},
    ],
    client: {
      jasmine: {random: true, timeoutInterval: 20000},
    },
    reporters: ['dots', 'totals'],
    browsers: ['ChromeHeadlessNoSandbox'],
    customLaunchers: {
      ChromeHeadlessNoSandbox: {
        base: 'ChromeHeadless',
        // Root in CI needs --no-sandbox; the network flags stop Chromium calling out on a machine with no internet.
        flags: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    },
    browserNoActivityTimeout: 120000,
    browserDisconnectTimeout: 30000,
    captureTimeout: 120000,
    singleRun: true,
    restartOnFileChange: false,
  });
};
