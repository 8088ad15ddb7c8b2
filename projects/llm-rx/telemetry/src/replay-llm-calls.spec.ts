import {SpanKind, SpanStatusCode} from '@opentelemetry/api';
import {callRow, InMemoryReplaySource} from '@llm-rx/spec-support';
import {LlmConfigurationError} from 'llm-rx';
import {lastValueFrom, take, toArray} from 'rxjs';
import {GEN_AI, LLM_RX} from './gen-ai-conventions';
import {replayLlmCalls} from './replay-llm-calls';
import {childrenOf, inMemoryTelemetry, onlySpan} from './telemetry-fixtures';

const T0 = Date.UTC(2026, 10, 1, 9);

describe('replayLlmCalls()', () => {
  it('sends each call as a span with its original timestamps, its attempts under it', async () => {
    const {telemetry, spans} = inMemoryTelemetry();
    const traceId = 'trace-cascade';
    const source = InMemoryReplaySource.fromRows([
      callRow({
        traceId,
        provider: 'anthropic',
        model: 'claude-haiku-4-5',
        status: 'error',
        errorType: 'LlmProviderError',
        errorMessage: 'overloaded',
        startedAt: T0,
        endedAt: T0 + 200,
        attemptIndex: 0,
        attemptCount: 2,
        inputTokens: null,
        outputTokens: null,
        totalCost: null,
        label: 'support',
      }),
      callRow({
        traceId,
        provider: 'gemini',
        model: 'gemini-2.5-flash',
        startedAt: T0 + 210,
        endedAt: T0 + 900,
        attemptIndex: 1,
        attemptCount: 2,
      }),
    ]);

    const progress = await lastValueFrom(replayLlmCalls(telemetry, source).pipe(toArray()));

    expect(progress[progress.length - 1]).toEqual(
      jasmine.objectContaining({replayed: 1, total: 1, done: true, cursor: {startedAt: T0, traceId}}),
    );
    const call = onlySpan(spans(), 'chat claude-haiku-4-5');
    expect(call.kind).toBe(SpanKind.CLIENT);
    expect(call.startTime).toEqual([Math.floor(T0 / 1000), (T0 % 1000) * 1e6]);
    expect(call.endTime).toEqual([Math.floor((T0 + 900) / 1000), ((T0 + 900) % 1000) * 1e6]);
    expect(call.attributes).toEqual(
      jasmine.objectContaining({
        [GEN_AI.providerName]: 'gcp.gemini',
        [GEN_AI.requestModel]: 'claude-haiku-4-5',
        [GEN_AI.responseModel]: 'gemini-2.5-flash',
        [GEN_AI.usageInputTokens]: 10,
        [GEN_AI.usageOutputTokens]: 20,
        [LLM_RX.costAmount]: 0.003,
        [LLM_RX.attemptCount]: 2,
        [LLM_RX.replayed]: true,
        [LLM_RX.label]: 'support',
      }),
    );
    const attempts = childrenOf(spans(), call);
    expect(attempts.map(span => [span.name, span.attributes[LLM_RX.attemptAnswered], span.status.code])).toEqual([
      ['attempt claude-haiku-4-5', false, SpanStatusCode.ERROR],
      ['attempt gemini-2.5-flash', true, SpanStatusCode.UNSET],
    ]);
    expect(attempts[0].attributes[GEN_AI.errorType]).toBe('LlmProviderError');
  });

  it('records failed and interrupted calls as errors', async () => {
    const {telemetry, spans} = inMemoryTelemetry();
    const source = InMemoryReplaySource.fromRows([
      callRow({status: 'interrupted', startedAt: T0, endedAt: null, responseTimeMs: null, inputTokens: null}),
    ]);

    await lastValueFrom(replayLlmCalls(telemetry, source));

    const call = onlySpan(spans(), 'chat gpt-5-mini');
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
    expect(call.attributes[GEN_AI.errorType]).toBe('interrupted');
    expect(call.attributes[GEN_AI.responseFinishReasons]).toEqual(['error']);
  });

  it('resumes after the last page it flushed, and sends each call once', async () => {
    const rows = Array.from({length: 25}, (_, index) => callRow({startedAt: T0 + index * 1000}));
    const source = InMemoryReplaySource.fromRows(rows);
    const first = inMemoryTelemetry();
    let flushes = 0;

    // Stopped after its second page (the tab closed).
    await lastValueFrom(
      replayLlmCalls(first.telemetry, source, {batchSize: 10, flush: async () => void flushes++}).pipe(take(3)),
    );
    expect(first.spans().filter(span => span.name.startsWith('chat ')).length).toBe(20);
    expect(flushes).toBe(2);

    const second = inMemoryTelemetry();
    const progress = await lastValueFrom(replayLlmCalls(second.telemetry, source, {batchSize: 10}).pipe(toArray()));
    expect(progress[0]).toEqual(jasmine.objectContaining({replayed: 0, total: 5}));
    expect(second.spans().filter(span => span.name.startsWith('chat ')).length).toBe(5);
    expect(await source.readReplayCursor('otel')).toEqual({startedAt: T0 + 24_000, traceId: rows[24].traceId});

    // Nothing left: a third run sends nothing.
    const third = inMemoryTelemetry();
    await lastValueFrom(replayLlmCalls(third.telemetry, source));
    expect(third.spans()).toEqual([]);
  });

  it('stops before a call still running, and a date range takes only its calls', async () => {
    const source = InMemoryReplaySource.fromRows([
      callRow({startedAt: T0}),
      callRow({startedAt: T0 + 1000, status: 'in-progress'}),
      callRow({startedAt: T0 + 2000}),
    ]);
    const running = inMemoryTelemetry();
    const progress = await lastValueFrom(replayLlmCalls(running.telemetry, source).pipe(toArray()));
    expect(progress[progress.length - 1]).toEqual(jasmine.objectContaining({replayed: 1, total: 3, done: false}));

    const ranged = inMemoryTelemetry();
    await lastValueFrom(replayLlmCalls(ranged.telemetry, source, {name: 'range', from: T0 + 1500, to: T0 + 3000}));
    expect(ranged.spans().filter(span => span.name.startsWith('chat ')).length).toBe(1);
  });

  it('refuses a bad batch size before reading anything', async () => {
    const source = InMemoryReplaySource.fromRows([callRow()]);
    const {telemetry} = inMemoryTelemetry();

    await expectAsync(lastValueFrom(replayLlmCalls(telemetry, source, {batchSize: 0}))).toBeRejectedWith(
      jasmine.objectContaining({field: 'batchSize'}),
    );
    expect(source.pagesRead).toBe(0);
    expect(LlmConfigurationError).toBeDefined();
  });
});
