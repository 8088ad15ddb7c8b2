import {provideZonelessChangeDetection} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor} from '@opentelemetry/sdk-trace-base';
import {collectResponse, type Llm, type LlmRequest, LlmConfigurationError, wrapLlm} from 'llm-rx';
import {callEnd, tool} from '@llm-rx/spec-support';
import {createLlmTelemetry} from 'llm-rx/telemetry';
import {MockLlm} from 'llm-rx/testing';
import {lastValueFrom, toArray} from 'rxjs';
import {LlmStream} from './llm-stream';
import {type LlmFeature, provideLlm, withLogging, withModel} from './provide-llm';
import {withTelemetry} from './with-telemetry';

const calculator = tool('calculator', () => 6);

function setUp(llm: Llm, ...features: LlmFeature[]) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({spanProcessors: [new SimpleSpanProcessor(exporter)]});
  const telemetry = createLlmTelemetry({tracer: provider.getTracer('llm-rx'), meter: false});
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideLlm(withModel('test', llm), withTelemetry(telemetry), ...features),
    ],
  });
  return {stream: TestBed.inject(LlmStream), names: () => exporter.getFinishedSpans().map(span => span.name)};
}

describe('withTelemetry()', () => {
  it('traces LlmStream.stream() calls outside the logging, which still sees the request', async () => {
    const logged: LlmRequest[] = [];
    const {stream, names} = setUp(
      new MockLlm({script: [{chunks: ['Hi']}]}),
      withLogging((model: Llm) => wrapLlm(model, (request, next) => (logged.push(request), next(request))), {}),
    );

    await lastValueFrom(stream.stream({userPrompt: 'Hello'}, {model: 'test'}).pipe(collectResponse()));

    expect(names()).toEqual(['attempt mock-model', 'chat mock-model']);
    // The telemetry's attempt hook reached the logged model (so a log sees the same attempts).
    expect(logged.length).toBe(1);
    expect(logged[0].onAttempt).toBeDefined();
  });

  it('traces LlmStream.runTools() as one loop span with its steps and tools', async () => {
    const {stream, names} = setUp(
      new MockLlm({script: [{chunks: [callEnd('c1', 'calculator')]}, {chunks: ['It is 6.']}]}),
    );

    await lastValueFrom(stream.runTools({userPrompt: '2*3?', tools: [calculator]}, {model: 'test'}).pipe(toArray()));

    expect(names()).toEqual(
      jasmine.arrayWithExactContents([
        'attempt mock-model',
        'chat mock-model',
        'execute_tool calculator',
        'attempt mock-model',
        'chat mock-model',
        'invoke_agent llm-rx.runTools',
      ]),
    );
  });

  it('is given once', () => {
    const telemetry = createLlmTelemetry({tracer: false, meter: false});
    expect(() => provideLlm(withTelemetry(telemetry), withTelemetry(telemetry))).toThrowMatching(error =>
      LlmConfigurationError.isInstance(error),
    );
  });
});
