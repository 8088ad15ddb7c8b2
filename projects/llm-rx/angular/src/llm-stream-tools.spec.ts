import {provideZonelessChangeDetection} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {
  collectResponse,
  type Llm,
  type LlmChunk,
  LlmConfigurationError,
  type LlmRequest,
  type LlmTool,
  wrapLlm,
} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {lastValueFrom, toArray} from 'rxjs';
import {LlmStream} from './llm-stream';
import {type LlmFeature, provideLlm, withDefaults, withLogging, withModel} from './provide-llm';

/** One step's answer that calls the calculator. */
const CALCULATOR_CALL: LlmChunk[] = [
  {type: 'tool-call-start', toolCallId: 'c1', toolName: 'calculator'},
  {type: 'tool-call-delta', toolCallId: 'c1', toolName: 'calculator', argumentsDelta: '{"expression":"2*3"}'},
  {
    type: 'tool-call-end',
    toolCallId: 'c1',
    toolName: 'calculator',
    input: {expression: '2*3'},
    argumentsText: '{"expression":"2*3"}',
  },
];

const calculator: LlmTool = {
  name: 'calculator',
  inputSchema: {type: 'object', properties: {expression: {type: 'string'}}},
  execute: () => 6,
};

function setUp(llm: Llm, ...features: LlmFeature[]): LlmStream {
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), provideLlm(withModel('test', llm), ...features)],
  });
  return TestBed.inject(LlmStream);
}

describe('LlmStream.runTools', () => {
  it('runs the loop on the named model, with the request defaults and logging in every step', async () => {
    const llm = new MockLlm({script: [{chunks: CALCULATOR_CALL}, {chunks: ['It is 6.']}]});
    const logged: LlmRequest[] = [];
    const stream = setUp(
      llm,
      withDefaults({request: {systemPrompt: 'Be brief.', maxTokens: 100}}),
      withLogging((model: Llm) => wrapLlm(model, (request, next) => (logged.push(request), next(request))), {}),
    );
    const answer = stream.runTools({userPrompt: 'What is 2*3?', tools: [calculator]}, {model: 'test'});
    expect(llm.calls).toEqual([]);
    const chunks = await lastValueFrom(answer.pipe(toArray()));

    expect(llm.calls.map(call => [call.systemPrompt, call.maxTokens, call.toolLoop?.step])).toEqual([
      ['Be brief.', 100, 0],
      ['Be brief.', 100, 1],
    ]);
    expect(logged.length).toBe(2);
    expect(chunks.filter(chunk => chunk.type === 'tool-result')).toEqual([
      {type: 'tool-result', toolCallId: 'c1', toolName: 'calculator', output: 6, step: 0},
    ]);
    const usage = chunks.at(-1);
    expect(usage?.type === 'usage' && usage.usage.steps?.length).toBe(2);
  });

  it("passes the loop's options on: maxSteps ends a model that calls tools forever", async () => {
    const llm = new MockLlm({script: {chunks: CALCULATOR_CALL}});
    const stream = setUp(llm);
    const response = await lastValueFrom(
      stream.runTools({userPrompt: 'Loop', tools: [calculator]}, {model: 'test', maxSteps: 2}).pipe(collectResponse()),
    );
    expect(llm.subscriptions).toBe(2);
    expect(response.usage.steps?.length).toBe(2);
  });

  it('reports a configuration error at subscription, as stream() does', async () => {
    const llm = new MockLlm({script: {chunks: ['unused']}});
    const stream = setUp(llm);
    const unknown = stream.runTools({userPrompt: 'Hi', tools: [calculator]}, {model: 'unknown'});
    await expectAsync(lastValueFrom(unknown)).toBeRejectedWith(jasmine.any(LlmConfigurationError));
    // The model options reach the check, not only the loop's.
    const both = stream.runTools({userPrompt: 'Hi', tools: [calculator]}, {model: 'test', llm, maxSteps: 2});
    await expectAsync(lastValueFrom(both)).toBeRejectedWithError(/more than one of model, llm and cascade/);
    expect(llm.subscriptions).toBe(0);
  });
});
