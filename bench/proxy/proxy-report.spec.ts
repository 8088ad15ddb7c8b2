import type {BenchResults} from '../results';
import {proxyResults} from './proxy-results-fixtures';
import {renderProxySection} from './proxy-report';

const base: BenchResults = {
  failures: [],
  startedAt: '',
  durationSeconds: 0,
  machine: {cpuModel: 'Test CPU', cores: 2, loadAverage: 1.5} as BenchResults['machine'],
  settings: {chunks: 20_000, warmups: 2, rounds: 7, ttfcRounds: 30} as unknown as BenchResults['settings'],
};
const lineOf = (markdown: string, start: string) => markdown.split('\n').find(row => row.startsWith(start)) ?? '';

describe('renderProxySection', () => {
  it('is empty when the section did not run', () => {
    expect(renderProxySection(base)).toBe('');
    expect(renderProxySection({...base, proxy: {}})).toBe('');
  });

  it('says how to run it, what each route is, and that each proxy has its own process', () => {
    const markdown = renderProxySection({...base, proxy: proxyResults()});
    expect(markdown).toContain('## 13. Proxy');
    expect(markdown).toContain('`npm run bench -- --only=proxy`');
    expect(markdown).toContain('OpenAI Chat Completions');
    expect(markdown).toContain('`bench/proxy/plain-pass-through-proxy.ts`');
    expect(markdown).toContain('requestsPerMinute: 100,000, concurrentStreams: 8');
    expect(markdown).toContain('**own child process**');
    expect(markdown).toContain('Test CPU, load average 1.50');
  });

  it('shows each route’s time to first chunk, and what a proxy adds to direct', () => {
    const markdown = renderProxySection({...base, proxy: proxyResults()});
    expect(markdown).toContain('a 3-chunk answer, 30 interleaved rounds');
    expect(lineOf(markdown, '| direct | 2.00')).toBe('| direct | 2.00 (1.80–2.20) | 1.60–2.40 |  | 1.00× |');
    expect(lineOf(markdown, '| plain pass-through | 2.50')).toBe(
      '| plain pass-through | 2.50 (2.25–2.75) | 2.00–3.00 | 0.50 (0.45–0.55) | 1.25× (1.25–1.25) |',
    );
    expect(lineOf(markdown, '| llm-rx/proxy | 2.90')).toContain('| 0.90 (0.81–0.99) | 1.45× (1.45–1.45) |');
  });

  it('shows the proxy process’s CPU per chunk against the plain pass-through, and the wall time against direct', () => {
    const markdown = renderProxySection({...base, proxy: proxyResults()});
    expect(markdown).toContain('20,000 text chunks, through each route; 2 warm-up and 7 measured rounds');
    expect(lineOf(markdown, '| direct |  |')).toBe(
      '| direct |  |  |  | 10.00 (9.50–10.50) | 20.00 (19.00–21.00) | 1.00× |',
    );
    expect(lineOf(markdown, '| plain pass-through | 4.00')).toBe(
      '| plain pass-through | 4.00 (3.80–4.20) | 3.60–4.40 | 1.00× (1.00–1.00) | 10.00 (9.50–10.50) | 24.00 (22.80–25.20) | 1.20× (1.20–1.20) |',
    );
    expect(lineOf(markdown, '| llm-rx/proxy | 12.00')).toBe(
      '| llm-rx/proxy | 12.00 (11.40–12.60) | 10.80–13.20 | 3.00× (2.40–3.60) | 10.00 (9.50–10.50) | 30.00 (28.50–31.50) | 1.50× (1.50–1.50) |',
    );
  });

  it('renders one part without the other', () => {
    const {ttfc, perChunk} = proxyResults();
    expect(renderProxySection({...base, proxy: {...(ttfc && {ttfc})}})).not.toContain('### CPU per chunk');
    expect(renderProxySection({...base, proxy: {...(perChunk && {perChunk})}})).not.toContain('### Time to first');
  });
});
