import type {BenchResults} from '../results';
import {renderPreloadSection} from '../browser/preload-report';
import {renderMarkdownSection} from './markdown-report';

const summary = (median: number) => ({count: 1, median, min: median, max: median, q1: median, q3: median});

describe('the preload and markdown report sections', () => {
  it('are empty when the benches did not run', () => {
    expect(renderMarkdownSection({} as BenchResults)).toBe('');
    expect(renderPreloadSection({} as BenchResults)).toBe('');
  });

  it('show each renderer, and why one could not run', () => {
    const section = renderMarkdownSection({
      markdown: {
        bytes: 400_000,
        chunkSize: 10,
        chunksPerSecond: 2_000,
        baselineMainThreadSeconds: 1,
        baselineLongTasks: 0,
        rows: [
          {
            renderer: 'llm-rx',
            frames: 700,
            frameTimes: [{around: 4_000, from: 2_000, to: 6_000, frames: 12, p50: 4.4, p95: 6.4}],
            longTasks: 0,
            maxLongTaskMs: 0,
            renderSeconds: 6.78,
            layoutSeconds: 2,
            mainThreadSeconds: 15.9,
            isSelectionKept: true,
            replaySeconds: 2.5,
            replayTimedUpdates: 700,
          },
          {renderer: 'ngx-markdown', error: 'no ready event'},
        ],
      },
    } as unknown as BenchResults);
    expect(section).toContain('## 11. Streaming markdown');
    expect(section).toContain(
      '| llm-rx `StreamingMarkdown` | 700 | 4.4 / 6.4 (12) | – | – | 0 (longest 0 ms) | 6.78 (layout 2.00) | 2.50 (700 timed) | 15.90 | kept |',
    );
    expect(section).toContain('could not run: no ready event');
  });

  it('shows both preload modes', () => {
    const mode = {firstMs: summary(30), secondMs: summary(10), firstToSecond: summary(3), preloadMs: summary(0)};
    const section = renderPreloadSection({
      preload: {rounds: 15, scenario: 'chunks=20', cold: mode, preloaded: {...mode, firstToSecond: summary(1.1)}},
    } as unknown as BenchResults);
    expect(section).toContain('## 10. The first Send');
    expect(section).toMatch(/\| preloaded \| 30\.0 \(30\.0–30\.0\) \| 10\.0 \(10\.0–10\.0\) \| 1\.10× /);
  });
});
