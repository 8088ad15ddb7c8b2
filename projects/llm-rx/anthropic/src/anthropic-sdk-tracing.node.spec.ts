import {context, trace} from '@opentelemetry/api';
import {AsyncLocalStorageContextManager} from '@opentelemetry/context-async-hooks';
import {BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor} from '@opentelemetry/sdk-trace-base';
import {MOCK_PROVIDERS_URL, MOCK_SCENARIO_HEADER, mockScenario} from '@llm-rx/mock-providers';
import {uniqueTag} from '@llm-rx/spec-support';
import {collectResponse} from 'llm-rx';
import {createLlmTelemetry} from 'llm-rx/telemetry';
import {firstValueFrom} from 'rxjs';
import {createAnthropicLlm} from './anthropic-provider';

/** The instrumentation scope of the Anthropic SDK's own spans. */
const SDK_SCOPE = 'com.anthropic.sdk.typescript';

describe('the Anthropic SDK tracing beside llm-rx/telemetry', () => {
  let exporter: InMemorySpanExporter;

  // The SDK traces with the global tracer provider, and a Node app's context manager, as an app's would be (Node
  // only: a browser app needs a context manager of its own for the SDK's spans to nest).
  beforeEach(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    exporter = new InMemorySpanExporter();
    trace.setGlobalTracerProvider(new BasicTracerProvider({spanProcessors: [new SimpleSpanProcessor(exporter)]}));
  });
  afterEach(() => {
    trace.disable();
    context.disable();
  });

  async function callTraced(sdkTracing?: boolean) {
    const llm = createAnthropicLlm('claude-haiku-4-5', {
      apiKey: 'sk-ant-test-tracing',
      baseURL: MOCK_PROVIDERS_URL,
      headers: {[MOCK_SCENARIO_HEADER]: mockScenario({tag: uniqueTag('anthropic', 'tracing')})},
      ...(sdkTracing !== undefined && {sdkTracing}),
    });
    await firstValueFrom(
      createLlmTelemetry({meter: false}).traceLlm(llm).stream({userPrompt: 'Hi'}).pipe(collectResponse()),
    );
    return exporter.getFinishedSpans();
  }

  it('is off by default: each call is llm-rx spans only, counted once', async () => {
    const spans = await callTraced();

    expect(spans.map(span => [span.instrumentationScope.name, span.name])).toEqual([
      ['llm-rx', 'attempt claude-haiku-4-5'],
      ['llm-rx', 'chat claude-haiku-4-5'],
    ]);
  });

  it('adds the SDK spans, under the call span, with sdkTracing: true', async () => {
    const spans = await callTraced(true);

    const sdkSpans = spans.filter(span => span.instrumentationScope.name === SDK_SCOPE);
    expect(sdkSpans.length).toBeGreaterThan(0);
    const call = spans.find(span => span.name === 'chat claude-haiku-4-5')!;
    expect(sdkSpans[0].parentSpanContext?.traceId).toBe(call.spanContext().traceId);
  });
});
