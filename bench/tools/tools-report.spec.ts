import type {BenchResults} from '../results';
import {toolArgumentsResults, toolLoopResults} from './tools-results-fixtures';
import {renderToolsSection} from './tools-report';

const base: BenchResults = {
  failures: [],
  startedAt: '',
  durationSeconds: 0,
  machine: {cpuModel: 'Test CPU', cores: 2, loadAverage: 1.5} as BenchResults['machine'],
  settings: {
    warmups: 2,
    tools: {loopRounds: 15, loopsPerSample: 10, argumentRecords: 38, argumentChunks: 2_000, argumentRounds: 11},
  } as unknown as BenchResults['settings'],
};
const lineOf = (markdown: string, start: string) => markdown.split('\n').find(row => row.startsWith(start)) ?? '';

describe('renderToolsSection', () => {
  it('is empty when the section did not run', () => {
    expect(renderToolsSection(base)).toBe('');
  });

  it('says how to run it and on what machine', () => {
    const markdown = renderToolsSection({...base, toolLoop: toolLoopResults()});
    expect(markdown).toContain('## 9. Tool calls');
    expect(markdown).toContain('`npm run bench -- --only=tools`');
    expect(markdown).toContain('Test CPU, 2 cores, load average 1.50');
    expect(markdown).not.toContain('### Tool arguments');
  });

  it('shows the loop against the floor, the CPU beyond it and the target on the llm-rx row', () => {
    const markdown = renderToolsSection({...base, toolLoop: toolLoopResults(1.05)});
    expect(markdown).toContain('Each sample is 10 whole loops');
    expect(markdown).toContain('2 warm-up and 15 measured rounds');
    expect(lineOf(markdown, '| raw SDK |')).toBe(
      '| raw SDK | 4.00 (3.80–4.20) | 3.60–4.40 | 6.00 (5.70–6.30) | 1.00× (the floor) | 1.00× |  |  |',
    );
    expect(lineOf(markdown, '| llm-rx |')).toBe(
      '| llm-rx | 4.20 (3.99–4.41) | 3.78–4.62 | 6.30 (5.99–6.62) | 1.05× (1.05–1.05) | 1.05× (1.05–1.05) | ' +
        '0.20 (0.20–0.20) | ≤ 1.10× raw: ✅ met |',
    );
    expect(lineOf(markdown, '| Vercel AI SDK |')).toContain('| 3.00× (3.00–3.00) |');
  });

  it('marks a missed or inconclusive loop target', () => {
    expect(lineOf(renderToolsSection({...base, toolLoop: toolLoopResults(1.2)}), '| llm-rx |')).toContain(
      '≤ 1.10× raw: ❌ missed',
    );
    expect(lineOf(renderToolsSection({...base, toolLoop: toolLoopResults(1.05, 0.2)}), '| llm-rx |')).toContain(
      '≤ 1.10× raw: ⚠️ inconclusive (rounds disagree: ratio IQR 0.84–1.26; median meets it)',
    );
  });

  it('shows tool arguments against text for each library, with the target on llm-rx’s tool row', () => {
    const markdown = renderToolsSection({...base, toolArguments: toolArgumentsResults(1.3)});
    expect(markdown).toContain('19.9 kB of JSON');
    expect(markdown).toContain('38 items) in 2,000 pieces of\n~10 characters');
    expect(lineOf(markdown, '| text | llm-rx |')).toBe(
      '| text | llm-rx | 10.0 (9.5–10.5) | 9.0–11.0 | 15.0 (14.3–15.8) | 1.00× | 1.00× |  |',
    );
    expect(lineOf(markdown, '| tool arguments | llm-rx |')).toContain(
      '| 1.30× (1.30–1.30) | 1.00× | ≤ 1.50× text: ✅ met |',
    );
    expect(lineOf(markdown, '| tool arguments | Vercel AI SDK |')).toContain(
      '| 1.20× (1.20–1.20) | 4.62× (4.62–4.62) |',
    );
    expect(lineOf(markdown, '| text | Vercel AI SDK |')).toContain('| 1.00× | 5.00× (5.00–5.00) |');
    expect(
      lineOf(renderToolsSection({...base, toolArguments: toolArgumentsResults(1.6)}), '| tool arguments | llm-rx |'),
    ).toContain('≤ 1.50× text: ❌ missed');
  });
});
