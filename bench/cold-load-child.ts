/**
 * Run in a fresh process by `cold-load.ts`: the first llm-rx call of a protocol, which loads the SDK lazily, then a
 * warm one; or the raw SDK's bare `import()`. Prints one JSON line.
 *
 * Usage: `node --import tsx bench/cold-load-child.ts <protocol> <baseUrl> llm-rx|import`
 */
import type {BenchProtocol} from './consumers/consumer';
import {createBenchLlm, streamThrough} from './consumers/llm-rx-consumers';

const SDK_PACKAGES: Readonly<Record<BenchProtocol, string>> = {
  'openai-chat': 'openai',
  'openai-responses': 'openai',
  deepseek: 'openai',
  anthropic: '@anthropic-ai/sdk',
  gemini: '@google/genai',
  cohere: 'cohere-ai',
};

async function main(): Promise<void> {
  const [protocol, baseUrl, mode] = process.argv.slice(2) as [BenchProtocol, string, string];
  if (mode === 'import') {
    const startedAt = performance.now();
    await import(SDK_PACKAGES[protocol]);
    console.log(JSON.stringify({importMs: performance.now() - startedAt}));
    return;
  }
  const llm = await createBenchLlm(protocol, baseUrl);
  const timeToFirst = async () => {
    const startedAt = performance.now();
    const result = await streamThrough(llm, 'chunks=3;tag=bench-cold');
    return (result.firstTextAt as number) - startedAt;
  };
  const coldMs = await timeToFirst();
  const warmMs = await timeToFirst();
  console.log(JSON.stringify({coldMs, warmMs}));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
