// The proxy reads usage with the adapters' event mappers, through their entry points (llm-rx/openai, …), which
// load their SDKs with import() at a model's first stream only: importing the meter and metering all six wires
// must load no SDK. Checked in a child process, which records every module it resolves (ESM, through a resolve
// hook) and loads (CommonJS, its require cache).
import {execFile} from 'node:child_process';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

const REPOSITORY_ROOT = resolve(__dirname, '../../../../..');
const METER_MODULE = pathToFileURL(resolve(__dirname, 'upstream-usage-meter.ts')).href;
const SDK_MODULE = /node_modules\/(openai|@anthropic-ai\/sdk|@google\/genai|cohere-ai)\//;

/** Resolve hooks (in the loader thread) that post each resolved URL to the main thread. */
const HOOKS = `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  port.postMessage(result.url);
  return result;
}`;

/** Imports a module, meters a payload of every wire (when it is the meter's), then prints every module resolved or required. */
function childScript(moduleUrl: string): string {
  return `import {createRequire, register} from 'node:module';
import {MessageChannel} from 'node:worker_threads';
const {port1, port2} = new MessageChannel();
const resolved = [];
port1.on('message', url => resolved.push(url));
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}), {data: {port: port2}, transferList: [port2]});
const imported = await import(${JSON.stringify(moduleUrl)});
// A TypeScript file is CommonJS here: its exports may come as the default export.
const createUpstreamUsageMeter = imported.createUpstreamUsageMeter ?? imported.default?.createUpstreamUsageMeter;
const wires = createUpstreamUsageMeter ? ['openai-chat', 'openai-responses', 'deepseek', 'anthropic', 'gemini', 'cohere'] : [];
for (const wire of wires) {
  const meter = createUpstreamUsageMeter(wire);
  meter.data('{"type":"message_start","id":"x","choices":[{"delta":{"content":"a"}}],"candidates":[]}');
  meter.result();
}
await new Promise(done => setTimeout(done, 200));
port1.close();
const required = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify([...resolved, ...required]));`;
}

function loadedModules(moduleUrl: string): Promise<string[]> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', childScript(moduleUrl)],
      {cwd: REPOSITORY_ROOT, timeout: 30_000},
      (error, stdout, stderr) => {
        if (error) fail(new Error(`the child failed: ${error.message}\n${stderr}`));
        else done(JSON.parse(stdout.trim().split('\n').pop() ?? '[]') as string[]);
      },
    );
  });
}

describe('createUpstreamUsageMeter module graph', () => {
  it('loads no provider SDK, importing the meter and metering every wire', async () => {
    const modules = await loadedModules(METER_MODULE);
    // The check sees the adapters' entry points, so it would see an SDK they imported.
    expect(modules.some(url => url.includes('projects/llm-rx/openai/')))
      .withContext('sees llm-rx/openai')
      .toBeTrue();
    expect(modules.filter(url => SDK_MODULE.test(url))).toEqual([]);
  }, 60_000);

  it('would see an SDK that a module loads (the check can fail)', async () => {
    const modules = await loadedModules('cohere-ai');
    expect(modules.some(url => SDK_MODULE.test(url))).toBeTrue();
  }, 60_000);
});
