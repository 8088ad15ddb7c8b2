import {EnvironmentInjector, provideZonelessChangeDetection} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import type {Llm, LlmChunk, LlmTool, LlmToolContext} from 'llm-rx';
import {llmFromObservable, MockLlm, usagePart} from 'llm-rx/testing';
import {Observable, of, Subject, VirtualTimeScheduler} from 'rxjs';
import {injectLlmStream} from './inject-llm-stream';
import {LLM_SCHEDULER} from './llm-tokens';
import {provideLlm, withModel} from './provide-llm';

const text = (value: string): LlmChunk => ({type: 'text-delta', text: value});
const start: LlmChunk = {type: 'tool-call-start', toolCallId: 'c1', toolName: 'calculator'};
const argumentsPiece = (argumentsDelta: string, partialInput?: unknown): LlmChunk => ({
  type: 'tool-call-delta',
  toolCallId: 'c1',
  toolName: 'calculator',
  argumentsDelta,
  ...(partialInput !== undefined && {partialInput}),
});
const end: LlmChunk = {
  type: 'tool-call-end',
  toolCallId: 'c1',
  toolName: 'calculator',
  input: {expression: '2+2'},
  argumentsText: '{"expression":"2+2"}',
};

/** A calculator whose result the spec gives, and the context its run got. */
function heldCalculator(): {tool: LlmTool; result: Subject<number>; context: () => LlmToolContext | undefined} {
  const result = new Subject<number>();
  let context: LlmToolContext | undefined;
  const tool: LlmTool = {
    name: 'calculator',
    inputSchema: {type: 'object', properties: {expression: {type: 'string'}}},
    execute: (_input, given) => {
      context = given;
      return result;
    },
  };
  return {tool, result, context: () => context};
}

/** A model whose first step streams what the spec pushes, and whose later steps answer `It is 4.`. */
function loopModel(): {llm: Llm; firstStep: Subject<LlmChunk>; steps: () => number} {
  const firstStep = new Subject<LlmChunk>();
  let steps = 0;
  const llm = llmFromObservable('p', 'm', request => {
    steps++;
    return (request.toolLoop?.step ?? 0) === 0 ? firstStep : of(text('It is 4.'), usagePart());
  });
  return {llm, firstStep, steps: () => steps};
}

function setUp(llm: Llm): {frames: VirtualTimeScheduler; injector: EnvironmentInjector} {
  const frames = new VirtualTimeScheduler();
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideLlm(withModel('test', llm)),
      {provide: LLM_SCHEDULER, useValue: frames},
    ],
  });
  return {frames, injector: TestBed.inject(EnvironmentInjector)};
}

describe('injectLlmStream tool calls', () => {
  it('shows a call of runTools() as its arguments stream, runs and ends, once per frame with the text', () => {
    const {llm, firstStep} = loopModel();
    const calculator = heldCalculator();
    const {frames, injector} = setUp(llm);
    const answer = injectLlmStream({injector});
    answer.runTools({userPrompt: 'What is 2+2?', tools: [calculator.tool]}, {model: 'test'});
    expect(answer.toolCalls()).toEqual([]);

    firstStep.next(text('Let me compute. '));
    firstStep.next(start);
    firstStep.next(argumentsPiece('{"expression":'));
    // Not before the frame, like the text.
    expect(answer.toolCalls()).toEqual([]);
    frames.flush();
    const streaming = answer.toolCalls();
    expect(streaming).toEqual([
      {
        toolCallId: 'c1',
        toolName: 'calculator',
        argumentsText: '{"expression":',
        partialInput: undefined,
        input: undefined,
        issues: undefined,
        status: 'streaming-arguments',
        step: 0,
        textOffset: 'Let me compute. '.length,
      },
    ]);
    expect(answer.text()).toBe('Let me compute. ');

    firstStep.next(argumentsPiece('"2+2"}', {expression: '2+2'}));
    firstStep.next(end);
    firstStep.next(usagePart({finishReason: {unified: 'tool-calls', raw: 'tool_calls'}}));
    firstStep.complete();
    frames.flush();
    const running = answer.toolCalls();
    expect(running[0]).toEqual(
      jasmine.objectContaining({argumentsText: '{"expression":"2+2"}', input: {expression: '2+2'}, status: 'running'}),
    );
    // Each update is a new value; the earlier one is left as it was.
    expect(running).not.toBe(streaming);
    expect(streaming[0].status).toBe('streaming-arguments');
    expect(calculator.context()?.toolCallId).toBe('c1');

    calculator.result.next(4);
    calculator.result.complete();
    frames.flush();
    expect(answer.status()).toBe('done');
    expect(answer.toolCalls().map(call => [call.status, call.result])).toEqual([['done', 4]]);
    expect(answer.text()).toBe('Let me compute. It is 4.');
    expect(answer.usage()?.steps?.length).toBe(2);
  });

  it('cancels a loop while its tool runs: the tool is aborted, no next step, the call keeps its state', () => {
    const {llm, firstStep, steps} = loopModel();
    const calculator = heldCalculator();
    const {frames, injector} = setUp(llm);
    const answer = injectLlmStream({injector});
    answer.runTools({userPrompt: 'What is 2+2?', tools: [calculator.tool]}, {model: 'test'});
    for (const chunk of [start, argumentsPiece('{"expression":"2+2"}'), end, usagePart()]) firstStep.next(chunk);
    firstStep.complete();
    frames.flush();
    expect(calculator.context()?.signal.aborted).toBeFalse();

    answer.cancel();
    expect(answer.status()).toBe('cancelled');
    expect(calculator.context()?.signal.aborted).toBeTrue();
    expect(answer.toolCalls().map(call => call.status)).toEqual(['running']);
    calculator.result.next(4);
    frames.flush();
    expect(steps()).toBe(1);
    expect(answer.toolCalls().map(call => call.status)).toEqual(['running']);
  });

  it('marks the calls of a single stream ready, and clears them at the next start', () => {
    const llm = new MockLlm({
      script: [{chunks: [start, argumentsPiece('{"expression":"2+2"}'), end]}, {chunks: ['Hi']}],
    });
    const {frames, injector} = setUp(llm);
    const answer = injectLlmStream({injector});
    answer.start({userPrompt: 'What is 2+2?'}, {model: 'test'});
    frames.flush();
    expect(answer.toolCalls().map(call => [call.status, call.input])).toEqual([['ready', {expression: '2+2'}]]);
    answer.start({userPrompt: 'Hi'}, {model: 'test'});
    expect(answer.toolCalls()).toEqual([]);
    frames.flush();
    expect([answer.text(), answer.toolCalls()]).toEqual(['Hi', []]);
  });

  it('keeps the calls so far when the stream fails', () => {
    const failure = new Error('connection reset');
    const llm = llmFromObservable(
      'p',
      'm',
      () =>
        new Observable<LlmChunk>(subscriber => {
          subscriber.next(start);
          subscriber.next(argumentsPiece('{"expr'));
          subscriber.error(failure);
        }),
    );
    const {injector} = setUp(llm);
    const answer = injectLlmStream({injector});
    answer.start({userPrompt: 'What is 2+2?'}, {model: 'test'});
    expect(answer.status()).toBe('error');
    expect(answer.toolCalls().map(call => [call.status, call.argumentsText])).toEqual([
      ['streaming-arguments', '{"expr'],
    ]);
  });
});
