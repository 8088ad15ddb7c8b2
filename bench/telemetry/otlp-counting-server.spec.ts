import {OTLPTraceExporter} from '@opentelemetry/exporter-trace-otlp-http';
import {BasicTracerProvider, BatchSpanProcessor} from '@opentelemetry/sdk-trace-base';
import {countOtlpJsonSpans, startOtlpCountingServer} from './otlp-counting-server';

describe('countOtlpJsonSpans', () => {
  it('counts one per span, not the parent ids', () => {
    const body = JSON.stringify({
      resourceSpans: [
        {scopeSpans: [{spans: [{spanId: 'a'}, {spanId: 'b', parentSpanId: 'a'}]}, {spans: [{spanId: 'c'}]}]},
      ],
    });
    expect(countOtlpJsonSpans(body)).toBe(3);
    expect(countOtlpJsonSpans('{}')).toBe(0);
  });
});

describe('startOtlpCountingServer', () => {
  it('receives the OTLP/HTTP JSON exporter’s spans and counts them', async () => {
    const server = await startOtlpCountingServer();
    const provider = new BasicTracerProvider({
      spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({url: server.tracesUrl}))],
    });
    try {
      const tracer = provider.getTracer('spec');
      const parent = tracer.startSpan('parent');
      for (let index = 0; index < 4; index++) tracer.startSpan(`child ${index}`).end();
      parent.end();
      await provider.forceFlush();
      expect(server.spans).toBe(5);
      expect(server.requests).toBeGreaterThanOrEqual(1);
    } finally {
      await provider.shutdown();
      await server.close();
    }
  });

  it('answers 404 elsewhere and counts nothing', async () => {
    const server = await startOtlpCountingServer();
    try {
      const response = await fetch(server.tracesUrl.replace('/v1/traces', '/v1/metrics'), {method: 'POST', body: '{}'});
      expect(response.status).toBe(404);
      expect(server.requests).toBe(0);
    } finally {
      await server.close();
    }
  });
});
