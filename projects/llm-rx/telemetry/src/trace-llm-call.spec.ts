import {SpanKind, SpanStatusCode} from '@opentelemetry/api';
import {uniqueTag} from '@llm-rx/spec-support';
import {cascade, collectResponse, retryBeforeFirstChunk, wrapLlm} from 'llm-rx';
import {firstValueFrom, lastValueFrom, take, toArray} from 'rxjs';
import {GEN_AI, GEN_AI_METRIC, LLM_RX} from './gen-ai-conventions';
import {childrenOf, inMemoryTelemetry, mockOpenAi, onlySpan, TELEMETRY_SPEC_KEY} from './telemetry-fixtures';

describe('traceLlm()', () => {
  const tag = (name: string) => uniqueTag('telemetry', name);

  it('makes one CLIENT span per call with the GenAI attributes, and one attempt span under it', async () => {
    const {telemetry, spans, points} = inMemoryTelemetry({label: 'chat-page'});
    const llm = telemetry.traceLlm(
      mockOpenAi({tag: tag('ok'), text: 'Hello there', chunks: 3, inputTokens: 12, outputTokens: 7, cachedTokens: 2}),
    );

    const response = await firstValueFrom(
      llm.stream({userPrompt: 'Hi', temperature: 0.2, maxTokens: 50, topP: 0.9}).pipe(collectResponse()),
    );

    const call = onlySpan(spans(), 'chat gpt-5-mini');
    expect(call.kind).toBe(SpanKind.CLIENT);
    expect(call.parentSpanContext).toBeUndefined();
    expect(call.attributes).toEqual(
      jasmine.objectContaining({
        [GEN_AI.operationName]: 'chat',
        [GEN_AI.providerName]: 'openai',
        [GEN_AI.requestModel]: 'gpt-5-mini',
        [GEN_AI.requestTemperature]: 0.2,
        [GEN_AI.requestMaxTokens]: 50,
        [GEN_AI.requestTopP]: 0.9,
        [GEN_AI.responseFinishReasons]: ['stop'],
        [GEN_AI.usageInputTokens]: 12,
        [GEN_AI.usageOutputTokens]: 7,
        [GEN_AI.usageCacheReadInputTokens]: 2,
        [LLM_RX.costCurrency]: 'USD',
        [LLM_RX.costSource]: 'local',
        [LLM_RX.attemptCount]: 1,
        [LLM_RX.label]: 'chat-page',
      }),
    );
    expect(call.attributes[LLM_RX.costAmount]).toBe(response.usage.totalCost!);
    expect(response.usage.responseId).toBeDefined();
    expect(call.attributes[GEN_AI.responseId]).toBe(response.usage.responseId!);
    expect(call.attributes[GEN_AI.responseModel]).toBe(response.usage.responseModel!);
    expect(call.attributes[GEN_AI.responseTimeToFirstChunk]).toBeGreaterThan(0);
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
    const [attempt] = childrenOf(spans(), call);
    expect(attempt.name).toBe('attempt gpt-5-mini');
    expect(attempt.attributes).toEqual(
      jasmine.objectContaining({
        [LLM_RX.attemptIndex]: 0,
        [LLM_RX.attemptAnswered]: true,
        [LLM_RX.attemptOutcome]: 'ok',
      }),
    );
    // The call is counted once: its tokens are on the call span only, the attempt's under llm_rx.attempt.*.
    expect(attempt.attributes[GEN_AI.usageInputTokens]).toBeUndefined();
    expect(attempt.attributes[LLM_RX.attemptInputTokens]).toBe(12);

    const tokens = await points(GEN_AI_METRIC.tokenUsage);
    expect(tokens.map(point => [point.attributes[GEN_AI.tokenType], point.value.sum])).toEqual(
      jasmine.arrayWithExactContents([
        ['input', 12],
        ['output', 7],
      ]),
    );
    expect(tokens[0].attributes).toEqual(
      jasmine.objectContaining({[GEN_AI.operationName]: 'chat', [GEN_AI.providerName]: 'openai'}),
    );
    expect(tokens[0].attributes[LLM_RX.label]).toBeUndefined();
    const durations = await points(GEN_AI_METRIC.operationDuration);
    expect(durations.length).toBe(1);
    expect(durations[0].value.count).toBe(1);
    expect((await points(GEN_AI_METRIC.timeToFirstChunk))[0].value.count).toBe(1);
    expect((await points(LLM_RX.costMetric))[0].value.sum).toBeCloseTo(response.usage.totalCost!, 12);
  });

  it('records a provider error with its type and status, the finish reason error, and no key', async () => {
    const {telemetry, spans, points} = inMemoryTelemetry();
    const llm = telemetry.traceLlm(mockOpenAi({tag: tag('error'), status: 401, echoKey: true}));

    await expectAsync(firstValueFrom(llm.stream({userPrompt: 'Hi'}))).toBeRejected();

    const call = onlySpan(spans(), 'chat gpt-5-mini');
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
    expect(call.attributes[GEN_AI.errorType]).toBe('LlmProviderError');
    expect(call.attributes[LLM_RX.errorKind]).toBe('http');
    expect(call.attributes[GEN_AI.responseFinishReasons]).toEqual(['error']);
    expect(call.events.map(event => event.name)).toEqual(['exception']);
    expect(childrenOf(spans(), call)[0].attributes[LLM_RX.attemptOutcome]).toBe('error');
    expect(JSON.stringify(spans().map(span => [span.attributes, span.events, span.status]))).not.toContain(
      TELEMETRY_SPEC_KEY.slice(8),
    );
    const durations = await points(GEN_AI_METRIC.operationDuration);
    expect(durations[0].attributes[GEN_AI.errorType]).toBe('LlmProviderError');
    expect(await points(GEN_AI_METRIC.tokenUsage)).toEqual([]);
  });

  it('marks a cancelled call: finish reason error, error.type cancelled, its attempt cancelled', async () => {
    const {telemetry, spans} = inMemoryTelemetry();
    const llm = telemetry.traceLlm(mockOpenAi({tag: tag('cancel'), chunks: 20, chunkDelay: 50}));

    await lastValueFrom(llm.stream({userPrompt: 'Hi'}).pipe(take(1)));

    const call = onlySpan(spans(), 'chat gpt-5-mini');
    expect(call.attributes[GEN_AI.errorType]).toBe('cancelled');
    expect(call.attributes[GEN_AI.responseFinishReasons]).toEqual(['error']);
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
    expect(childrenOf(spans(), call)[0].attributes[LLM_RX.attemptOutcome]).toBe('cancelled');
  });

  it('gives a retried call one span per attempt, the answering one marked', async () => {
    const {telemetry, spans} = inMemoryTelemetry();
    const model = mockOpenAi({tag: tag('retry'), status: 503, failTimes: 1, text: 'second time'});
    const retried = wrapLlm(model, (request, stream) =>
      stream(request).pipe(retryBeforeFirstChunk({count: 2, initialDelayMs: 1, jitter: false})),
    );

    await firstValueFrom(telemetry.traceLlm(retried).stream({userPrompt: 'Hi'}).pipe(collectResponse()));

    const call = onlySpan(spans(), 'chat gpt-5-mini');
    const attempts = childrenOf(spans(), call);
    expect(
      attempts.map(span => [span.attributes[LLM_RX.attemptIndex], span.attributes[LLM_RX.attemptOutcome]]),
    ).toEqual([
      [0, 'error'],
      [1, 'ok'],
    ]);
    expect(attempts.map(span => span.attributes[LLM_RX.attemptAnswered])).toEqual([false, true]);
    expect(attempts[0].status.code).toBe(SpanStatusCode.ERROR);
    expect(call.attributes[LLM_RX.attemptCount]).toBe(2);
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('gives a cascade the answering child as provider and response model, each child an attempt span', async () => {
    const {telemetry, spans} = inMemoryTelemetry();
    const llm = telemetry.traceLlm(
      cascade([mockOpenAi({tag: tag('first'), status: 529}, 'gpt-5'), mockOpenAi({tag: tag('second')}, 'gpt-5-mini')]),
    );

    await firstValueFrom(llm.stream({userPrompt: 'Hi'}).pipe(collectResponse()));

    const [call] = spans().filter(span => span.name.startsWith('chat '));
    expect(call.attributes[GEN_AI.providerName]).toBe('openai');
    expect(call.attributes[GEN_AI.responseModel]).toBe('gpt-5-mini');
    const attempts = childrenOf(spans(), call);
    expect(attempts.map(span => [span.name, span.attributes[LLM_RX.attemptAnswered]])).toEqual([
      ['attempt gpt-5', false],
      ['attempt gpt-5-mini', true],
    ]);
  });

  it('sends no prompt or answer unless asked', async () => {
    const {telemetry, spans} = inMemoryTelemetry();
    const llm = telemetry.traceLlm(mockOpenAi({tag: tag('private'), text: 'secret answer'}));

    await firstValueFrom(llm.stream({systemPrompt: 'Be brief', userPrompt: 'my secret question'}).pipe(toArray()));

    const sent = JSON.stringify(spans().map(span => span.attributes));
    expect(sent).not.toContain('secret');
    expect(sent).not.toContain('Be brief');
    expect(sent).not.toContain(GEN_AI.inputMessages);
  });

  it('sends prompts and answers through the redaction hook when capture is on', async () => {
    const {telemetry, spans} = inMemoryTelemetry({
      captureContent: true,
      redact: (text, kind) => `${kind}:${text.replace(/\S+@\S+/g, '[email]')}`,
    });
    const llm = telemetry.traceLlm(mockOpenAi({tag: tag('capture'), text: 'Write to bob@example.com', chunks: 2}));

    await firstValueFrom(llm.stream({systemPrompt: 'Be brief', userPrompt: 'mail ann@example.com'}).pipe(toArray()));

    const call = onlySpan(spans(), 'chat gpt-5-mini');
    expect(JSON.parse(String(call.attributes[GEN_AI.systemInstructions]))).toEqual([
      {type: 'text', content: 'system:Be brief'},
    ]);
    expect(JSON.parse(String(call.attributes[GEN_AI.inputMessages]))).toEqual([
      {role: 'user', parts: [{type: 'text', content: 'prompt:mail [email]'}]},
    ]);
    expect(JSON.parse(String(call.attributes[GEN_AI.outputMessages]))).toEqual([
      {role: 'assistant', parts: [{type: 'text', content: 'response:Write to [email]'}], finish_reason: 'stop'},
    ]);
  });
});
