import type {BenchResults} from '../results';
import {telemetryResults} from './telemetry-results-fixtures';
import {renderTelemetrySection} from './telemetry-report';

const base: BenchResults = {
  failures: [],
  startedAt: '',
  durationSeconds: 0,
  machine: {cpuModel: 'Test CPU', cores: 2, loadAverage: 1.5} as BenchResults['machine'],
  settings: {
    chunks: 20_000,
    warmups: 2,
    rounds: 7,
    telemetry: {replayRows: 10_000, replayRounds: 5},
  } as unknown as BenchResults['settings'],
};
const lineOf = (markdown: string, start: string) => markdown.split('\n').find(row => row.startsWith(start)) ?? '';

describe('renderTelemetrySection', () => {
  it('is empty when the section did not run', () => {
    expect(renderTelemetrySection(base)).toBe('');
    expect(renderTelemetrySection({...base, telemetry: {}})).toBe('');
  });

  it('says how to run it, on what machine and with which SDK setup', () => {
    const markdown = renderTelemetrySection({...base, telemetry: telemetryResults()});
    expect(markdown).toContain('## 12. Telemetry');
    expect(markdown).toContain('`npm run bench -- --only=telemetry`');
    expect(markdown).toContain('Test CPU, 2 cores, load average\n1.50');
    expect(markdown).toContain('`BatchSpanProcessor`');
    expect(markdown).toContain('20,000 text chunks');
    expect(markdown).toContain('2 warm-up and\n7 measured rounds');
  });

  it('shows each mode against off, the target on the traced row only', () => {
    const markdown = renderTelemetrySection({...base, telemetry: telemetryResults(1.08)});
    expect(lineOf(markdown, '| off |')).toBe(
      '| off | 10.00 (9.50–10.50) | 9.00–11.00 | 12.00 (11.40–12.60) | 1.00× |  |',
    );
    expect(lineOf(markdown, '| on |')).toBe(
      '| on | 10.80 (10.26–11.34) | 9.72–11.88 | 12.96 (12.31–13.61) | 1.08× (1.08–1.08) | ≤ 1.05× off: ❌ missed |',
    );
    expect(lineOf(markdown, '| on, captureContent |')).toContain('| 1.04× (1.04–1.04) |  |');
  });

  it('shows the replay’s rows and spans per second per exporter, the target on the OTLP row', () => {
    const markdown = renderTelemetrySection({...base, telemetry: telemetryResults(1.02, 0, 1_500)});
    expect(markdown).toContain('10,000 rows: 9,091 calls a second apart, every 10th with a failed first attempt');
    expect(markdown).toContain('19,091 spans');
    expect(markdown).toContain('2 warm-up and 5 measured rounds per exporter');
    expect(lineOf(markdown, '| counting exporter |')).toBe(
      '| counting exporter | 50,000 (45,000–55,000) | 95,000 (85,500–104,500) | 20.0 (20.0–20.0) |  |',
    );
    expect(lineOf(markdown, '| OTLP/HTTP JSON, loopback |')).toMatch(
      /^\| OTLP\/HTTP JSON, loopback \| 1,500 .* \| ≥ 2,000 rows\/s: ❌ missed \|$/,
    );
  });

  it('shows what telemetry adds per call, without a network', () => {
    const summary = (median: number) => ({count: 7, median, min: median, max: median, q1: median, q3: median});
    const perCall = {
      calls: 2000,
      offMicrosPerCall: summary(14),
      onMicrosPerCall: summary(41),
      addedMicrosPerCall: summary(27),
    };
    const markdown = renderTelemetrySection({...base, telemetry: {perCall}});
    expect(markdown).toContain('### Per call, without a network');
    expect(markdown).toContain('2,000 calls per sample');
    expect(lineOf(markdown, '| added by telemetry |')).toBe('| added by telemetry | 27.0 (27.0–27.0) |');
  });

  it('renders one part without the other', () => {
    const {perChunk, replay} = telemetryResults();
    expect(renderTelemetrySection({...base, telemetry: {...(perChunk && {perChunk})}})).not.toContain('### Replay');
    expect(renderTelemetrySection({...base, telemetry: {...(replay && {replay})}})).not.toContain('### Per chunk');
  });
});
