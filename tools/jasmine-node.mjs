// Runs the runtime-agnostic specs (core, providers against the mock server, mock server) in Node with Jasmine.
// Usage: node --import tsx tools/jasmine-node.mjs [--filter=REGEX] [spec globs...]
import Jasmine from 'jasmine';
import {writeFileSync} from 'node:fs';

const args = process.argv.slice(2);
const filter = args.find(arg => arg.startsWith('--filter='))?.slice('--filter='.length);
const globs = args.filter(arg => !arg.startsWith('--'));

const jasmine = new Jasmine({projectBaseDir: process.cwd()});
jasmine.loadConfig({
  spec_dir: '.',
  spec_files: globs.length
    ? globs
    : [
        'projects/llm-rx/**/*.spec.ts',
        'projects/mock-providers/**/*.spec.ts',
        'projects/demo/**/*.spec.ts',
        'bench/**/*.spec.ts',
        'tools/**/*.spec.ts',
        '!projects/llm-rx/angular/**',
        '!projects/llm-rx/logging/**',
        '!**/*.browser.spec.ts',
      ],
  helpers: ['tools/jasmine-node-helpers.mjs'],
  random: true,
});
jasmine.exitOnCompletion = false;
let passed = 0;
let failed = 0;
jasmine.addReporter({
  specDone(result) {
    if (result.status === 'passed') passed++;
    else if (result.status === 'failed') failed++;
  },
});
const result = await jasmine.execute(undefined, filter);
if (process.env.LLM_RX_TOTALS_FILE) {
  writeFileSync(process.env.LLM_RX_TOTALS_FILE, JSON.stringify({passed, failed}));
}
process.exitCode = result.overallStatus === 'passed' ? 0 : 1;
