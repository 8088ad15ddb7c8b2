import type {LlmBodyRecord, LlmCallRecord, LlmLoopStep} from 'llm-rx/logging';
import {toolLoopSummary} from './tool-loop-summary';

describe('toolLoopSummary', () => {
  const row = (values: Partial<LlmCallRecord>) =>
    ({
      provider: 'openai',
      model: 'gpt',
      status: 'ok',
      inputTokens: 10,
      outputTokens: 5,
      totalCost: 0.001,
      finishReason: 'stop',
      toolCallCount: 0,
      ...values,
    }) as LlmCallRecord;
  const body = (values: Partial<LlmBodyRecord>) => ({id: 'b', traceId: 't', request: null, response: null, ...values});
  const weatherCall = {toolCallId: 'call-1', toolName: 'weather', input: {city: 'Paris'}};
  const clockCall = {toolCallId: 'call-2', toolName: 'clock', input: {}};

  const loop: LlmLoopStep[] = [
    {
      step: 0,
      traceId: 'trace-0',
      // The first model was down: its row has nothing billed, and the step's model is the one that answered.
      attempts: [
        row({
          provider: 'anthropic',
          model: 'claude',
          status: 'error',
          inputTokens: null,
          outputTokens: null,
          totalCost: null,
        }),
        row({inputTokens: 30, outputTokens: 12, totalCost: 0.003, finishReason: 'tool-calls', toolCallCount: 2}),
      ],
      body: body({response: {text: '', reasoning: '', toolCalls: [weatherCall, clockCall]}}),
    },
    {
      step: 1,
      traceId: 'trace-1',
      attempts: [row({inputTokens: 60, outputTokens: 9, totalCost: 0.005})],
      body: body({
        request: {
          messages: [
            {role: 'user', content: 'Weather and time in Paris?'},
            {role: 'assistant', content: '', toolCalls: [weatherCall, clockCall]},
            {role: 'tool', toolCallId: 'call-1', toolName: 'weather', output: {sky: 'sunny'}},
            {role: 'tool', toolCallId: 'call-2', toolName: 'clock', output: 'clock offline', isError: true},
          ],
        },
        response: {text: 'Sunny; the clock is offline.', reasoning: ''},
      }),
    },
  ];

  it("gives each step's answering model, summed tokens and cost, and finish reason", () => {
    const {steps} = toolLoopSummary(loop);
    expect(
      steps.map(step => [step.step, step.provider, step.model, step.attempts, step.inputTokens, step.totalCost]),
    ).toEqual([
      [0, 'openai', 'gpt', 2, 30, 0.003],
      [1, 'openai', 'gpt', 1, 60, 0.005],
    ]);
    expect(steps.map(step => step.finishReason)).toEqual(['tool-calls', 'stop']);
  });

  it("pairs each step's tool calls with their results from the next step's request", () => {
    const [first, last] = toolLoopSummary(loop).steps;
    expect(first.toolCalls).toEqual([
      {...weatherCall, result: {output: {sky: 'sunny'}, isError: false}},
      {...clockCall, result: {output: 'clock offline', isError: true}},
    ]);
    expect(last.toolCalls).toEqual([]);
  });

  it('leaves out the result of a call that no later step answered, and sums the loop', () => {
    const summary = toolLoopSummary(loop.slice(0, 1));
    expect(summary.steps[0].toolCalls.map(call => call.result)).toEqual([undefined, undefined]);
    expect(toolLoopSummary(loop).total).toEqual({
      steps: 2,
      toolCalls: 2,
      inputTokens: 90,
      outputTokens: 21,
      totalCost: 0.003 + 0.005,
    });
  });

  it('counts tool calls from the rows when bodies are not stored, and keeps unknown costs unknown', () => {
    const withoutBodies = loop.map(step => ({
      ...step,
      body: undefined,
      attempts: step.attempts.map(attempt => ({...attempt, totalCost: null})),
    }));
    const summary = toolLoopSummary(withoutBodies);
    expect(summary.steps.map(step => step.toolCalls)).toEqual([[], []]);
    expect([summary.total.toolCalls, summary.total.totalCost, summary.total.inputTokens]).toEqual([2, null, 90]);
  });
});
