import type {BenchResults} from '../results';
import {objectParserRows, objectStreamResults} from './object-results-fixtures';
import {renderObjectSection} from './object-report';

const base = {
  failures: [],
  startedAt: '',
  durationSeconds: 0,
  machine: {} as BenchResults['machine'],
  settings: {
    warmups: 2,
    rounds: 7,
    object: {
      records: 2_600,
      chunks: [2_000, 20_000],
      vercelRounds: 3,
      vercelChunks: 4_000,
      reparseRounds: 3,
      reparseSamples: 40,
    },
  } as unknown as BenchResults['settings'],
};

describe('renderObjectSection', () => {
  it('is empty when the section did not run', () => {
    expect(renderObjectSection(base)).toBe('');
  });

  it('shows every row with its ratio to its own text stream, and the Vercel rows against llm-rx', () => {
    const markdown = renderObjectSection({...base, objectStream: objectStreamResults()});
    const line = (start: string) => markdown.split('\n').find(row => row.startsWith(start)) ?? '';
    expect(line('| large: 1.38 MB, 2,600 items, 20,000 chunks of ~66 chars | llm-rx | object |')).toContain(
      '| 1.40× (',
    );
    const vercel = line('| small: 0.14 MB, 260 items, 2,000 chunks of ~66 chars | Vercel AI SDK | object |');
    expect(vercel).toContain('| 16.00× (');
    // 2,240 µs per chunk against llm-rx's 26.
    expect(vercel).toContain('| 86.2× |');
    expect(line('| llm-rx | small → large |')).toContain('| 1.08× (1.08–1.08) |');
    expect(line('| Vercel AI SDK | small → Vercel bound |')).toContain('1.88× (of medians)');
    // The Vercel bound's 4,500 µs per chunk, scaled by 1,319,000 / 263,000 characters, for 20,000 chunks.
    expect(markdown).toContain('about 8 minutes of CPU');
  });

  it('shows the parser alone against JSON.parse once', () => {
    const markdown = renderObjectSection({...base, objectParser: objectParserRows()});
    expect(markdown).toContain('### The parser alone');
    expect(markdown).toMatch(
      /\| push \+ snapshot \| 65\.00 \(65\.00–65\.00\) \| 65\.00–65\.00 \| 130\.0 \| 13\.0× \| 7 \|/,
    );
    expect(markdown).toContain(
      '| re-parse per chunk | 25000.00 (25000.00–25000.00) | 25000.00–25000.00 | 50000.0 | 5000.0× | 3 (40 chunks each) |',
    );
  });
});
