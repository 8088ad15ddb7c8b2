import {SpanStatusCode} from '@opentelemetry/api';
import {callEnd, tool} from '@llm-rx/spec-support';
import {MockLlm} from 'llm-rx/testing';
import {lastValueFrom, toArray} from 'rxjs';
import {GEN_AI, LLM_RX} from './gen-ai-conventions';
import {childrenOf, inMemoryTelemetry, onlySpan} from './telemetry-fixtures';

const clock = tool('clock', () => '12:00');
const broken = tool('broken', () => {
  throw new Error('the tool fell over');
});

describe('LlmTelemetry.runTools()', () => {
  it('puts every step and every tool under one invoke_agent span, with the summed usage', async () => {
    const {telemetry, spans} = inMemoryTelemetry({captureContent: true});
    const llm = new MockLlm({
      script: [{chunks: [callEnd('c1', 'clock'), callEnd('c2', 'broken')]}, {chunks: ['It is noon.']}],
    });

    await lastValueFrom(telemetry.runTools(llm, {userPrompt: 'Time?', tools: [clock, broken]}).pipe(toArray()));

    const loop = onlySpan(spans(), 'invoke_agent llm-rx.runTools');
    expect(loop.parentSpanContext).toBeUndefined();
    expect(loop.attributes[GEN_AI.operationName]).toBe('invoke_agent');
    expect(loop.attributes[LLM_RX.attemptCount]).toBe(2);
    const children = childrenOf(spans(), loop);
    // Compared as a set: a step and the tools around it can start within one millisecond, which span times
    // (anchored on Date.now()) do not order.
    expect(children.map(span => span.name)).toEqual(
      jasmine.arrayWithExactContents([
        'chat mock-model',
        'execute_tool clock',
        'execute_tool broken',
        'chat mock-model',
      ]),
    );
    const stepSpan = (step: number) =>
      children.find(span => span.name.startsWith('chat ') && span.attributes[LLM_RX.toolLoopStep] === step)!;
    const [firstStep, secondStep] = [stepSpan(0), stepSpan(1)];
    const clockSpan = onlySpan(children, 'execute_tool clock');
    const brokenSpan = onlySpan(children, 'execute_tool broken');
    expect([firstStep, secondStep].every(span => span !== undefined)).toBeTrue();
    expect(firstStep.attributes[GEN_AI.conversationId]).toBe(secondStep.attributes[GEN_AI.conversationId]);
    expect(childrenOf(spans(), firstStep).map(span => span.name)).toEqual(['attempt mock-model']);
    expect(clockSpan.attributes).toEqual(
      jasmine.objectContaining({
        [GEN_AI.operationName]: 'execute_tool',
        [GEN_AI.toolName]: 'clock',
        [GEN_AI.toolCallId]: 'c1',
        [GEN_AI.toolCallResult]: '"12:00"',
      }),
    );
    expect(clockSpan.status.code).toBe(SpanStatusCode.UNSET);
    expect(brokenSpan.status.code).toBe(SpanStatusCode.ERROR);
    expect(brokenSpan.attributes[GEN_AI.errorType]).toBe('tool_error');
    // A tool starts when its step's model call ended.
    const endOf = (span: typeof loop) => span.endTime[0] * 1e9 + span.endTime[1];
    const startOf = (span: typeof loop) => span.startTime[0] * 1e9 + span.startTime[1];
    expect(startOf(clockSpan)).toBeGreaterThanOrEqual(endOf(firstStep) - 1e6);
  });

  it('sends no tool result unless content capture is on', async () => {
    const {telemetry, spans} = inMemoryTelemetry();
    const llm = new MockLlm({script: [{chunks: [callEnd('c1', 'clock')]}, {chunks: ['Noon.']}]});

    await lastValueFrom(telemetry.runTools(llm, {userPrompt: 'Time?', tools: [clock]}).pipe(toArray()));

    expect(onlySpan(spans(), 'execute_tool clock').attributes[GEN_AI.toolCallResult]).toBeUndefined();
  });

  it('ends the loop span with the error of a failing step', async () => {
    const {telemetry, spans} = inMemoryTelemetry();
    const llm = new MockLlm({script: [{chunks: [callEnd('c1', 'clock')]}, {error: new Error('boom')}]});

    await expectAsync(
      lastValueFrom(telemetry.runTools(llm, {userPrompt: 'Time?', tools: [clock]}).pipe(toArray())),
    ).toBeRejected();

    const loop = onlySpan(spans(), 'invoke_agent llm-rx.runTools');
    expect(loop.status.code).toBe(SpanStatusCode.ERROR);
    expect(loop.attributes[GEN_AI.errorType]).toBe('Error');
  });
});
