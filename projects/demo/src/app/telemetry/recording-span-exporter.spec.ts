import {type ExportResult, ExportResultCode} from '@opentelemetry/core';
import {BasicTracerProvider, type ReadableSpan, SimpleSpanProcessor} from '@opentelemetry/sdk-trace-base';
import type {SpanExporter} from '@opentelemetry/sdk-trace-base';
import {type RecordedSpanBatch, RecordingSpanExporter} from './recording-span-exporter';

/** An exporter that ends each export with the result it is told, and keeps the spans it got. */
class ScriptedExporter implements SpanExporter {
  readonly received: string[][] = [];
  result: ExportResult = {code: ExportResultCode.SUCCESS};
  isShutDown = false;

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.received.push(spans.map(span => span.name));
    resultCallback(this.result);
  }

  shutdown(): Promise<void> {
    this.isShutDown = true;
    return Promise.resolve();
  }
}

describe('RecordingSpanExporter', () => {
  let inner: ScriptedExporter;
  let batches: RecordedSpanBatch[];
  let provider: BasicTracerProvider;

  beforeEach(() => {
    inner = new ScriptedExporter();
    batches = [];
    const exporter = new RecordingSpanExporter(inner, batch => batches.push(batch));
    provider = new BasicTracerProvider({spanProcessors: [new SimpleSpanProcessor(exporter)]});
  });

  afterEach(() => provider.shutdown());

  it('sends every span through the wrapped exporter and keeps a copy of what it sent', async () => {
    provider.getTracer('spec').startSpan('chat gpt-5-mini').end();
    await provider.forceFlush();
    expect(inner.received).toEqual([['chat gpt-5-mini']]);
    expect(batches.map(batch => batch.spans.map(span => span.name))).toEqual([['chat gpt-5-mini']]);
    expect(batches[0].isExported).toBe(true);
    expect(batches[0].error).toBeUndefined();
  });

  it('says when the export failed, and why', () => {
    inner.result = {code: ExportResultCode.FAILED, error: new Error('404 Not Found')};
    // Straight to the exporter: the SDK's processors report a failed export to the global error handler.
    const span = new BasicTracerProvider().getTracer('spec').startSpan('attempt gpt-5-mini');
    span.end();
    const results: ExportResult[] = [];
    new RecordingSpanExporter(inner, batch => batches.push(batch)).export([span as unknown as ReadableSpan], result =>
      results.push(result),
    );
    expect(results).toEqual([inner.result]);
    expect(batches.length).toBe(1);
    expect(batches[0].spans.map(recorded => recorded.name)).toEqual(['attempt gpt-5-mini']);
    expect(batches[0].isExported).toBe(false);
    expect(batches[0].error).toBe('404 Not Found');
  });

  it("gives the processor the wrapped exporter's result even when the view throws", () => {
    const results: ExportResult[] = [];
    const exporter = new RecordingSpanExporter(inner, () => {
      throw new Error('a broken view');
    });
    inner.result = {code: ExportResultCode.FAILED};
    expect(() => exporter.export([], result => results.push(result))).toThrowError('a broken view');
    expect(results).toEqual([{code: ExportResultCode.FAILED}]);
  });

  it('shuts the wrapped exporter down', async () => {
    await new RecordingSpanExporter(inner, () => undefined).shutdown();
    expect(inner.isShutDown).toBe(true);
  });
});
