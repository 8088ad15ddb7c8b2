import {startMockProviderServer, type MockProviderServer} from '../../projects/mock-providers/src/mock-provider-server';
import {PROVIDER_WIRES} from '../../projects/mock-providers/src/wire/provider-wires';
import {objectAnswerWire} from './object-answer-wire';
import {benchObjectStream, type ObjectBenchSettings, objectAnswerSizes} from './object-stream';

const SETTINGS: ObjectBenchSettings = {
  records: 20,
  rounds: 1,
  chunks: [10, 100],
  vercelRounds: 2,
  vercelChunks: 20,
  reparseRounds: 1,
  reparseSamples: 3,
};

describe('objectAnswerSizes', () => {
  it('scales the small answer and the Vercel bound by their chunks, and keeps the items for the coarse one', () => {
    expect(objectAnswerSizes({records: 2_600, chunks: [2_000, 20_000], vercelChunks: 4_000})).toEqual({
      small: {records: 260, chunks: 2_000},
      large: {records: 2_600, chunks: 20_000},
      coarse: {records: 2_600, chunks: 2_000},
      'vercel-bounded': {records: 520, chunks: 4_000},
    });
    expect(objectAnswerSizes({records: 3, chunks: [1, 100], vercelChunks: 2}).small.records).toBe(1);
  });
});

describe('benchObjectStream', () => {
  let server: MockProviderServer;

  beforeAll(async () => {
    server = await startMockProviderServer({port: 0, wires: PROVIDER_WIRES.map(objectAnswerWire)});
  });

  afterAll(async () => {
    await server.close();
  });

  it('measures llm-rx and the Vercel AI SDK both ways on every answer, checking each run', async () => {
    const results = await benchObjectStream(
      {...SETTINGS, warmups: 1, rounds: 1, target: {baseUrl: server.url}},
      () => undefined,
    );
    expect(results.rows.map(row => `${row.kind} ${row.library} ${row.mode} ${row.cpuMicrosPerChunk.count}`)).toEqual([
      'small llm-rx text 1',
      'small llm-rx object 1',
      'small Vercel AI SDK text 2',
      'small Vercel AI SDK object 2',
      'large llm-rx text 1',
      'large llm-rx object 1',
      'coarse llm-rx text 1',
      'coarse llm-rx object 1',
      'vercel-bounded Vercel AI SDK text 1',
      'vercel-bounded Vercel AI SDK object 1',
    ]);
    const large = results.rows.find(row => row.kind === 'large' && row.mode === 'object');
    expect(large?.partials).toBeGreaterThan(50);
    expect(large?.answer).toEqual(jasmine.objectContaining({records: 20, chunks: 100}));
    expect(results.rows.filter(row => row.mode === 'text').map(row => row.cpuRatioToText.median)).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect(results.linearity.map(entry => `${entry.library} ${entry.from}→${entry.to} ${entry.ratio.count}`)).toEqual([
      'llm-rx small→large 1',
      'llm-rx coarse→large 1',
      'Vercel AI SDK small→vercel-bounded 1',
    ]);
    expect(results.answers.small?.records).toBe(2);
    // One round each: the linearity ratios are the rows' ratios over each other.
    const toText = (kind: string, library = 'llm-rx') =>
      results.rows.find(row => row.kind === kind && row.library === library && row.mode === 'object')!.cpuRatioToText
        .median;
    const [smallToLarge, coarseToLarge, vercel] = results.linearity.map(entry => entry.ratio.median);
    expect(smallToLarge).toBeCloseTo(toText('large') / toText('small'), 9);
    expect(coarseToLarge).toBeCloseTo(toText('large') / toText('coarse'), 9);
    expect(vercel).toBeCloseTo(toText('vercel-bounded', 'Vercel AI SDK') / toText('small', 'Vercel AI SDK'), 9);
  }, 30_000);
});
