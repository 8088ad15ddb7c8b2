// Builds the chaos harness page (no Angular) with esbuild, the bundler @angular/build already brings: `llm-rx`,
// `llm-rx/logging`, `llm-rx/openai`, … resolve to the library's sources through the paths of tsconfig.json (given
// explicitly below), and so do `@llm-rx/mock-providers` and `@llm-rx/spec-support`.
// Usage: node e2e/chaos-harness/build.mjs <output dir>
import {build} from 'esbuild';
import {copyFileSync, mkdirSync, rmSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const outdir = resolve(root, process.argv[2] ?? 'dist/chaos-harness');
const startedAt = Date.now();

rmSync(outdir, {recursive: true, force: true});
mkdirSync(outdir, {recursive: true});
await build({
  absWorkingDir: root,
  entryPoints: [join(here, 'main.ts')],
  outdir,
  bundle: true,
  // Split, so that each SDK stays behind the adapters' import() as it does in an app.
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  tsconfig: join(root, 'tsconfig.json'),
  sourcemap: true,
  logLevel: 'warning',
});
copyFileSync(join(here, 'index.html'), join(outdir, 'index.html'));
console.log(`chaos harness built in ${Date.now() - startedAt} ms: ${outdir}`);
