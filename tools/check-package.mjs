// Checks the built library (dist/llm-rx, from `ng build llm-rx`) as a user installs it: the packed file list has
// README.md and LICENSE and nothing of the repository's test harness (spec-support, the mock server), and a small
// app that imports llm-rx, llm-rx/angular, llm-rx/anthropic and llm-rx/proxy compiles against the packed package under
// `skipLibCheck: false` without Dexie installed (only llm-rx/logging may need it).
// Usage: node tools/check-package.mjs
import {spawnSync} from 'node:child_process';
import {createRequire} from 'node:module';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';

const DIST = resolve('dist/llm-rx');
const REQUIRED_FILES = ['package.json', 'README.md', 'LICENSE'];
// The test harness (@llm-rx/spec-support, @llm-rx/mock-providers) is never built: no packed file, and no source of a
// bundle (as its source map names them), may come from there.
const HARNESS_PATH = /(^|\/)(spec-support|mock-providers)\//;
// What an Angular app using llm-rx/angular and llm-rx/anthropic has installed besides llm-rx: no Dexie.
const CONSUMER_DEPENDENCIES = ['rxjs', 'tslib', '@angular/core', '@angular/common'];
const CONSUMER = `
import {collectResponse, createLlm, registerLlmProvider, type LlmResponse} from 'llm-rx';
import {injectLlmUsage, provideLlm, withModel, withProvider, type LlmUsageRef} from 'llm-rx/angular';
import {anthropicProvider} from 'llm-rx/anthropic';
import {createLlmProxy, createMemoryLlmProxyStore, type LlmProxyHandler} from 'llm-rx/proxy';
import type {EnvironmentProviders} from '@angular/core';
import type {Observable} from 'rxjs';

registerLlmProvider(anthropicProvider);
export const providers: EnvironmentProviders = provideLlm(
  withProvider(anthropicProvider, {baseURL: '/api/anthropic'}),
  withModel('careful', {provider: 'anthropic', model: 'claude-sonnet-4-6'}),
);
export const answer: Observable<LlmResponse> = createLlm('anthropic', 'claude-sonnet-4-6')
  .stream({userPrompt: 'Why is the sky blue?'})
  .pipe(collectResponse());
export const usage: () => LlmUsageRef = () => injectLlmUsage({filter: {provider: 'anthropic'}});
// The proxy's fetch handler compiles with the DOM's Request and Response alone: no @types/node.
export const proxy: LlmProxyHandler = createLlmProxy({
  providers: {openai: {apiKey: 'sk-server-side', models: ['gpt-5-mini']}},
  authenticate: () => ({userId: 'u'}),
  store: createMemoryLlmProxyStore(),
});
`;
const TSCONFIG = {
  compilerOptions: {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    target: 'ES2022',
    module: 'preserve',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'dom'],
    types: [],
  },
  files: ['consumer.ts'],
};

if (!existsSync(join(DIST, 'package.json'))) {
  console.error(`${DIST} is missing: run \`npx ng build llm-rx\` first.`);
  process.exit(1);
}

const problems = [];
// Outside the workspace, whose node_modules has Dexie. (A `paths` entry pointing 'dexie' at a missing file would
// not do: TypeScript then falls back to node_modules.)
const workDir = mkdtempSync(join(tmpdir(), 'llm-rx-package-'));

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {encoding: 'utf8', ...options});
  if (result.status !== 0) problems.push(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result;
}

/** Whether a package can be found from a folder, as Node and TypeScript look: in node_modules up the tree. */
function isResolvable(name, folder) {
  try {
    createRequire(join(folder, 'index.js')).resolve(name);
    return true;
  } catch (error) {
    // Found, but not loadable by require() (an ESM-only package): still installed.
    return error.code !== 'MODULE_NOT_FOUND';
  }
}

/**
 * Checks the packed file list, then installs the tarball into the work folder and compiles the consumer there.
 * @param packed What `npm pack --json` reports: the tarball's name and its files.
 */
function checkPackage(packed) {
  const sizes = new Map(packed.files.map(file => [file.path, file.size]));
  for (const file of REQUIRED_FILES) if (!sizes.has(file)) problems.push(`the packed package has no ${file}`);
  for (const file of sizes.keys()) if (HARNESS_PATH.test(file)) problems.push(`the package packs test harness ${file}`);
  // projects/llm-rx/README.md and LICENSE are symlinks to the repository's, as ng-packagr copies only files inside
  // the project: a checkout without symlinks would pack the link's text instead.
  for (const file of ['README.md', 'LICENSE']) {
    if (sizes.has(file) && sizes.get(file) !== statSync(file).size) {
      problems.push(`the packed ${file} is not the repository's ${file}`);
    }
  }
  // Installed as npm would: the tarball's contents in node_modules/llm-rx, next to the app's other dependencies.
  const installed = join(workDir, 'node_modules', 'llm-rx');
  mkdirSync(installed, {recursive: true});
  run('tar', ['-xzf', join(workDir, packed.filename), '-C', installed, '--strip-components=1']);
  for (const file of [...sizes.keys()].filter(path => path.endsWith('.map'))) {
    const {sources = []} = JSON.parse(readFileSync(join(installed, file), 'utf8'));
    for (const source of sources.filter(path => HARNESS_PATH.test(path))) {
      problems.push(`${file} bundles test harness ${source}`);
    }
  }
  for (const dependency of CONSUMER_DEPENDENCIES) {
    const link = join(workDir, 'node_modules', dependency);
    mkdirSync(dirname(link), {recursive: true});
    symlinkSync(resolve('node_modules', dependency), link, 'dir');
  }
  writeFileSync(join(workDir, 'consumer.ts'), CONSUMER);
  writeFileSync(join(workDir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  run(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', join(workDir, 'tsconfig.json')]);
}

try {
  if (isResolvable('dexie', workDir)) problems.push(`dexie is installed above ${workDir}: the check cannot see it`);
  const pack = run('npm', ['pack', DIST, '--json', '--pack-destination', workDir]);
  if (pack.status === 0) checkPackage(JSON.parse(pack.stdout)[0]);
} finally {
  rmSync(workDir, {recursive: true, force: true});
}

if (problems.length) {
  console.error(`Package check failed:\n- ${problems.join('\n- ')}`);
  process.exitCode = 1;
} else {
  console.log(
    `Package check passed: ${REQUIRED_FILES.join(', ')} packed, no test harness; llm-rx, llm-rx/angular, ` +
      'llm-rx/anthropic and llm-rx/proxy compile under skipLibCheck: false without Dexie or @types/node.',
  );
}
