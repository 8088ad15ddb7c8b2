import {formatNumber, markdownTable} from '../report-format';
import type {BenchResults} from '../results';
import {frameWindows, type MarkdownRendererRow} from './markdown-result';

const RENDERER_NOTES: Readonly<Record<MarkdownRendererRow['renderer'], string>> = {
  'llm-rx': 'llm-rx `StreamingMarkdown`',
  marked: 'whole-text `marked` + `innerHTML`',
  'ngx-markdown': 'ngx-markdown `<markdown [data]>`',
};

/**
 * Renders the markdown section of `BENCHMARKS.md`: per-frame render times near three sizes, long tasks, main-thread
 * and render time over the whole answer, and whether a selection survives, per renderer.
 * @param results The run.
 * @returns The Markdown, or `''` when the section did not run.
 */
export function renderMarkdownSection({markdown}: BenchResults): string {
  if (!markdown) return '';
  const windows = frameWindows(markdown.bytes);
  const kB = (bytes: number) => `${formatNumber(bytes / 1000, 0)} kB`;
  const rows = markdown.rows.map(row => {
    if (row.error)
      return [
        RENDERER_NOTES[row.renderer],
        `could not run: ${row.error}`,
        ...windows.map(() => ''),
        '',
        '',
        '',
        '',
        '',
      ];
    const times = windows.map(window => {
      const found = row.frameTimes?.find(candidate => candidate.around === window.around);
      return found ? `${formatNumber(found.p50, 1)} / ${formatNumber(found.p95, 1)} (${found.frames})` : '–';
    });
    return [
      RENDERER_NOTES[row.renderer],
      String(row.frames),
      ...times,
      `${row.longTasks} (longest ${formatNumber(row.maxLongTaskMs, 0)} ms)`,
      `${formatNumber(row.renderSeconds, 2)} (layout ${formatNumber(row.layoutSeconds, 2)})`,
      row.replaySeconds === undefined ? '–' : `${formatNumber(row.replaySeconds, 2)} (${row.replayTimedUpdates} timed)`,
      formatNumber(row.mainThreadSeconds, 2),
      row.isSelectionKept ? 'kept' : 'lost',
    ];
  });
  return `## 11. Streaming markdown: three renderers, one long answer (Chromium)

A deterministic ${kB(markdown.bytes)} markdown answer (\`bench/markdown/markdown-answer.ts\`: headings, paragraphs with
emphasis, code spans and links, nested lists, fenced code in five languages, tables, quotes) streamed in
${markdown.chunkSize}-character chunks at ${markdown.chunksPerSecond.toLocaleString('en-US')} chunks/s (each task emits
the chunks due by then), bound to the view at one update per animation frame: the whole text so far is given to the
renderer, then layout is forced, and that time is the frame's render time. Each renderer runs in a fresh page, after
an unmeasured 5 kB answer (its code loaded and compiled, highlight.js included). **llm-rx**: \`StreamingMarkdown\` of
\`llm-rx/markdown\` (\`update(text)\`, then \`finish()\`), finished blocks rendered once, highlighted lazily.
**marked**: \`marked.parse()\` of the whole text into \`innerHTML\` every frame, what the demo did (without Angular's
sanitizer, so a lower bound). **ngx-markdown** 21.3.0: its \`MarkdownComponent\` in a zoneless Angular app, \`data\` set and
\`ApplicationRef.tick()\` every frame, timed until its \`ready\` output. The three must end with the same text.

Frame times are p50 / p95 in ms (frames counted) while the text is near ${windows
    .map(window => kB(window.around))
    .join(', ')} (${windows
    .map(window =>
      Number.isFinite(window.to) ? `${kB(window.from)}–${kB(window.to)}` : `from ${kB(window.from)} to the end`,
    )
    .join(
      '; ',
    )}). Long tasks: \`PerformanceObserver\` \`longtask\` entries (over 50 ms) during the run. **Render s**: the
frames' render times summed: a renderer slower than a frame falls behind and skips frames, so this is capped by
the stream's duration. **Same updates s**: the updates llm-rx made in its live run (the text at each of its frames),
given to each renderer one after the other in a fresh page, each with its forced layout: the main-thread time each
needs to show every frame of the answer. llm-rx's are all timed; a whole-text renderer's cost depends on the length
only, so one update in ten is timed and the mean is multiplied by their number. **Main thread s**: CDP \`Performance.getMetrics\`
\`TaskDuration\` over the run; it includes the stream itself (${formatNumber(markdown.baselineMainThreadSeconds, 2)} s
with no renderer, and ${markdown.baselineLongTasks} long tasks: the machine's own noise), which fills the idle time the
renderers leave, so compare render times. **Selection**: the
first paragraph's contents selected once 1 kB has rendered; kept if the range is at the end still non-collapsed,
connected and the same text.

${markdownTable(
  [
    'Renderer',
    'Frames',
    ...windows.map(window => `Near ${kB(window.around)}`),
    'Long tasks',
    'Render s',
    'Same updates s',
    'Main thread s',
    'Selection',
  ],
  rows,
)}`;
}
