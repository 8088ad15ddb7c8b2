import {OTLPMetricExporter} from '@opentelemetry/exporter-metrics-otlp-http';
import {OTLPTraceExporter} from '@opentelemetry/exporter-trace-otlp-http';
import {resourceFromAttributes} from '@opentelemetry/resources';
import {MeterProvider, PeriodicExportingMetricReader} from '@opentelemetry/sdk-metrics';
import {BatchSpanProcessor, WebTracerProvider} from '@opentelemetry/sdk-trace-web';
import {clearReceived, MOCK_PROVIDERS_URL, receivedMetrics, receivedSpans} from '@llm-rx/mock-providers';
import {uniqueTag} from '@llm-rx/spec-support';
import {collectResponse} from 'llm-rx';
import {firstValueFrom} from 'rxjs';
import {createLlmTelemetry} from './create-llm-telemetry';
import {GEN_AI_METRIC} from './gen-ai-conventions';
import {mockOpenAi} from './telemetry-fixtures';

// The README's browser setup, as written there: a web tracer provider with a batch processor and the OTLP/HTTP
// exporter (cross-origin: the receiver answers the CORS preflight); the batch processor sends what it holds when the
// page is hidden or goes away, and the app does the same for metrics.
describe('the browser setup of the README (WebTracerProvider, OTLP/HTTP, flush when hidden)', () => {
  const service = uniqueTag('web', 'setup');
  afterAll(async () => clearReceived(service));

  it('sends the call span, its attempt and the metrics across origins', async () => {
    const resource = resourceFromAttributes({'service.name': service});
    const tracerProvider = new WebTracerProvider({
      resource,
      spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({url: `${MOCK_PROVIDERS_URL}/v1/traces`}))],
    });
    const reader = new PeriodicExportingMetricReader({
      exporter: new OTLPMetricExporter({url: `${MOCK_PROVIDERS_URL}/v1/metrics`}),
      exportIntervalMillis: 3_600_000,
    });
    const meterProvider = new MeterProvider({resource, readers: [reader]});
    const onPageHide = () => void meterProvider.forceFlush();
    document.addEventListener('pagehide', onPageHide);
    const telemetry = createLlmTelemetry({
      tracer: tracerProvider.getTracer('llm-rx'),
      meter: meterProvider.getMeter('llm-rx'),
    });
    expect(new URL(MOCK_PROVIDERS_URL).origin).not.toBe(location.origin);

    await firstValueFrom(
      telemetry
        .traceLlm(mockOpenAi({tag: uniqueTag('web', 'call')}))
        .stream({userPrompt: 'Hi'})
        .pipe(collectResponse()),
    );
    // As the page goes away: nothing else sends the batch (its delay is 5 s, the wait below is shorter).
    document.dispatchEvent(new Event('pagehide'));

    const spans = await receivedSpans(service, {minCount: 2, timeoutMs: 3_000});
    expect(spans.map(span => span.name).sort()).toEqual(['attempt gpt-5-mini', 'chat gpt-5-mini']);
    expect(spans.every(span => span.encoding === 'json')).toBeTrue();
    const metrics = await receivedMetrics(service, {minCount: 1, timeoutMs: 3_000});
    expect(metrics.map(metric => metric.name)).toEqual(
      jasmine.arrayContaining([GEN_AI_METRIC.operationDuration, GEN_AI_METRIC.tokenUsage]),
    );
    document.removeEventListener('pagehide', onPageHide);
    await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
  });
});
