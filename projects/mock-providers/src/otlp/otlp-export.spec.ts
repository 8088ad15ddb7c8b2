import {gzipSync} from 'node:zlib';
import {decodeOtlpExport, encodingOf, OtlpExportError} from './otlp-export';

describe('decodeOtlpExport', () => {
  const traces = Buffer.from(
    JSON.stringify({resourceSpans: [{scopeSpans: [{spans: [{name: 'a', traceId: 'AA'.repeat(16)}]}]}]}),
  );

  it('reads the encoding from the content type, parameters allowed', () => {
    expect(encodingOf('application/json')).toBe('json');
    expect(encodingOf('Application/JSON; charset=utf-8')).toBe('json');
    expect(encodingOf('application/x-protobuf')).toBe('protobuf');
    expect(encodingOf('application/protobuf')).toBe('protobuf');
    expect(() => encodingOf('text/plain')).toThrowMatching(
      error => error instanceof OtlpExportError && error.status === 415,
    );
    expect(() => encodingOf(undefined)).toThrowMatching(error => (error as OtlpExportError).status === 415);
  });

  it('decodes a JSON body, plain or gzip', async () => {
    for (const [body, encoding] of [
      [traces, undefined],
      [traces, 'identity'],
      [gzipSync(traces), 'gzip'],
      [gzipSync(traces), ' GZIP '],
    ] as const) {
      const decoded = await decodeOtlpExport('traces', body, 'application/json', encoding);
      expect(decoded.signal === 'traces' && decoded.spans.map(span => [span.name, span.traceId])).toEqual([
        ['a', 'aa'.repeat(16)],
      ]);
    }
  });

  it('refuses another compression (415), a bad gzip or JSON body and a non-object (400)', async () => {
    const statusOf = (promise: Promise<unknown>) =>
      promise.then(
        () => 200,
        (error: OtlpExportError) => error.status,
      );
    expect(await statusOf(decodeOtlpExport('traces', traces, 'application/json', 'br'))).toBe(415);
    expect(await statusOf(decodeOtlpExport('traces', traces, 'application/json', 'gzip'))).toBe(400);
    expect(await statusOf(decodeOtlpExport('metrics', Buffer.from('{'), 'application/json', undefined))).toBe(400);
    expect(await statusOf(decodeOtlpExport('metrics', Buffer.from('null'), 'application/json', undefined))).toBe(400);
    expect(await statusOf(decodeOtlpExport('metrics', Buffer.from([0x0a, 0xff]), 'application/x-protobuf', ''))).toBe(
      400,
    );
  });
});
