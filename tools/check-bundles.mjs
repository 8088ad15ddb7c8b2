// Builds a one-provider app per provider (projects/bundle-check) with the Angular production build and checks,
// from the build's own esbuild metafile, that no other provider's SDK is in any bundle and no SDK is initial, nor
// the JSON Schema validator of structured output.
// Usage: node tools/check-bundles.mjs [provider ...]
import {spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';

const SDK_OF = {
  openai: 'openai',
  deepseek: 'openai',
  // llm-rx/compatible, for one preset: the other presets (and OpenRouter's ~700 prices) must not be bundled.
  groq: 'openai',
  anthropic: '@anthropic-ai/sdk',
  gemini: '@google/genai',
  cohere: 'cohere-ai',
};
const SDK_PATTERN = /node_modules\/(openai|@anthropic-ai\/sdk|@google\/genai|cohere-ai)\//;
// The JSON Schema validator of structured output: loaded at the first plain-JSON-Schema validation, never initial.
const VALIDATOR_PATTERN = /node_modules\/@cfworker\/json-schema\//;
const providers = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SDK_OF);

/** The SDK packages whose modules an output chunk contains. */
function sdksIn(output) {
  return new Set(Object.keys(output.inputs).flatMap(input => SDK_PATTERN.exec(input)?.[1] ?? []));
}

/** The chunks loaded at start-up: the entry and everything it imports statically. */
function initialChunks(outputs) {
  const entry = Object.keys(outputs).find(name => name.endsWith('.js') && outputs[name].entryPoint);
  const initial = new Set([entry]);
  for (const name of initial) {
    for (const imported of outputs[name].imports ?? []) {
      if (imported.kind === 'import-statement') initial.add(imported.path);
    }
  }
  return initial;
}

function kilobytes(bytes) {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

let passed = 0;
let failed = 0;
const rows = [];
for (const provider of providers) {
  const build = spawnSync('npx', ['ng', 'build', 'bundle-check', '-c', provider], {encoding: 'utf8'});
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    failed++;
    rows.push(`${provider}: the build failed`);
    continue;
  }
  const distDir = join('dist/bundle-check', provider);
  const {outputs} = JSON.parse(readFileSync(join(distDir, 'stats.json'), 'utf8'));
  const initial = initialChunks(outputs);
  const sizeOf = name => readFileSync(join(distDir, 'browser', name));
  const problems = [];
  const bundledSdks = new Set();
  let initialBytes = 0;
  let initialGzip = 0;
  let lazySdkBytes = 0;
  let lazySdkGzip = 0;
  let isValidatorBundled = false;
  for (const [name, output] of Object.entries(outputs)) {
    if (!name.endsWith('.js')) continue;
    const hasValidator = Object.keys(output.inputs).some(input => VALIDATOR_PATTERN.test(input));
    isValidatorBundled ||= hasValidator;
    if (hasValidator && initial.has(name)) problems.push(`initial chunk ${name} contains @cfworker/json-schema`);
    const sdks = sdksIn(output);
    sdks.forEach(sdk => bundledSdks.add(sdk));
    const content = sizeOf(name);
    if (initial.has(name)) {
      initialBytes += content.length;
      initialGzip += gzipSync(content).length;
      if (sdks.size) problems.push(`initial chunk ${name} contains ${[...sdks].join(', ')}`);
    } else if (sdks.size) {
      lazySdkBytes += content.length;
      lazySdkGzip += gzipSync(content).length;
    }
  }
  const expected = SDK_OF[provider];
  for (const sdk of bundledSdks) if (sdk !== expected) problems.push(`another provider's SDK is bundled: ${sdk}`);
  // Without the expected SDK in a lazy chunk the check would prove nothing.
  if (!bundledSdks.has(expected)) problems.push(`${expected} is not bundled at all: the check cannot see SDKs`);
  if (!isValidatorBundled) problems.push('@cfworker/json-schema is not bundled at all: the check cannot see it');
  if (problems.length) {
    failed++;
    problems.forEach(problem => console.error(`✗ ${provider}: ${problem}`));
  } else {
    passed++;
  }
  rows.push(
    `| ${provider} | ${kilobytes(initialBytes)} (${kilobytes(initialGzip)} gzip) | ${expected}: ${kilobytes(lazySdkBytes)} ` +
      `(${kilobytes(lazySdkGzip)} gzip), lazy | ${[...bundledSdks].filter(sdk => sdk !== expected).join(', ') || 'none'} |`,
  );
}

console.log('\n| app using only | initial JS | SDK chunks | other SDKs bundled |');
console.log('| --- | --- | --- | --- |');
rows.forEach(row => console.log(row));
if (process.env.LLM_RX_TOTALS_FILE) writeFileSync(process.env.LLM_RX_TOTALS_FILE, JSON.stringify({passed, failed}));
console.log(`bundle checks: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
