import {startMockProviderServer, type MockProviderServer} from '../../projects/mock-providers/src/mock-provider-server';
import {PROVIDER_WIRES} from '../../projects/mock-providers/src/wire/provider-wires';
import {objectAnswerWire} from '../object/object-answer-wire';
import {benchToolArguments} from './tool-arguments';
import {toolArgumentsWire} from './tool-arguments-wire';
import {benchToolLoop} from './tool-loop';

// The real SDKs against the tools bench's wires, in this process: the harness works and every run is checked.
describe('the tools bench against its mock server', () => {
  let server: MockProviderServer;

  beforeAll(async () => {
    server = await startMockProviderServer({
      port: 0,
      wires: PROVIDER_WIRES.map(wire => toolArgumentsWire(objectAnswerWire(wire))),
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it('runs the loop of every library, 5 calls each, with one row per library and ratios to the raw SDK', async () => {
    const results = await benchToolLoop(
      {target: {baseUrl: server.url}, warmups: 0, rounds: 2, loopsPerSample: 2},
      () => undefined,
    );
    expect(results.rows.map(row => `${row.library} ${row.cpuMsPerLoop.count}`)).toEqual([
      'raw SDK 2',
      'llm-rx 2',
      'Vercel AI SDK 2',
    ]);
    expect(results.rows[0]?.cpuRatioToRaw.median).toBe(1);
    expect(results.rows[0]?.cpuOverheadMs.median).toBe(0);
    expect(results.loopsPerSample).toBe(2);
  }, 30_000);

  it('streams the same JSON as text and as tool arguments to every library', async () => {
    const results = await benchToolArguments(
      {target: {baseUrl: server.url}, warmups: 0, rounds: 1, records: 3, chunks: 50},
      () => undefined,
    );
    expect(results.rows.map(row => `${row.library} ${row.mode}`)).toEqual([
      'raw SDK text',
      'raw SDK tool-arguments',
      'llm-rx text',
      'llm-rx tool-arguments',
      'Vercel AI SDK text',
      'Vercel AI SDK tool-arguments',
    ]);
    expect(results.rows.filter(row => row.mode === 'text').map(row => row.cpuRatioToText.median)).toEqual([1, 1, 1]);
    expect(results.answer).toEqual(jasmine.objectContaining({records: 3, chunks: 50}));
  }, 30_000);
});
