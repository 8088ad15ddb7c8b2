import {markdownTable, medianWithIqr, ratio} from '../report-format';
import type {BenchResults} from '../results';
import type {PreloadModeResult} from './preload-result';

/**
 * Renders the preload section of `BENCHMARKS.md`: the first call's time to first chunk against the second's, in
 * fresh Chromium contexts, without and with `preloadLlm()`.
 * @param results The run.
 * @returns The Markdown, or `''` when the section did not run.
 */
export function renderPreloadSection({preload}: BenchResults): string {
  if (!preload) return '';
  const row = (mode: string, result: PreloadModeResult) => [
    mode,
    medianWithIqr(result.firstMs),
    medianWithIqr(result.secondMs),
    ratio(result.firstToSecond),
    medianWithIqr(result.preloadMs),
  ];
  return `## 10. The first Send against the second: preloading the SDK (Chromium)

A page loads llm-rx's core and \`llm-rx/openai\` as a lazily loaded chunk (\`bench/browser/preload-chat.ts\`, as an app's
route), the \`openai\` SDK still a chunk of its own behind its \`import()\`; it then calls the mock server (OpenAI Chat
Completions, \`${preload.scenario}\`, through the page's own origin as an app's proxy does: no CORS preflight) twice,
timing each call from \`subscribe()\` to its first text chunk. **cold**: the first call loads the SDK and builds the
client. **preloaded**: \`preloadLlm(llm)\` runs first (what \`withPreload()\` does when the browser is idle, or
\`LlmStream.preload()\` when the prompt gets focus) and the first call starts after it. Each round is a fresh browser
context (cold HTTP cache and code), ${preload.rounds} rounds per mode, interleaved; the ratio is first over second,
round by round. Times are medians (interquartile range), milliseconds.

${markdownTable(
  ['Mode', 'First call, ms', 'Second call, ms', 'First ÷ second (range)', 'preloadLlm(), ms'],
  [row('cold', preload.cold), row('preloaded', preload.preloaded)],
)}`;
}
