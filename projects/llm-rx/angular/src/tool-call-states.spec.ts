import type {LlmChunk, LlmToolCallEnd} from 'llm-rx';
import {usagePart} from 'llm-rx/testing';
import {_noToolCalls, _reduceToolCalls, type _ToolCallsState, type LlmToolCallState} from './tool-call-states';

const text = (value: string): LlmChunk => ({type: 'text-delta', text: value});
const start = (toolCallId: string, toolName = 'calculator'): LlmChunk => ({
  type: 'tool-call-start',
  toolCallId,
  toolName,
});
const delta = (toolCallId: string, argumentsDelta: string, partialInput?: unknown): LlmChunk => ({
  type: 'tool-call-delta',
  toolCallId,
  toolName: 'calculator',
  argumentsDelta,
  ...(partialInput !== undefined && {partialInput}),
});
const end = (toolCallId: string, input: unknown, extra: Partial<LlmToolCallEnd> = {}): LlmChunk => ({
  type: 'tool-call-end',
  toolCallId,
  toolName: 'calculator',
  input,
  argumentsText: JSON.stringify(input),
  ...extra,
});
const result = (toolCallId: string, output: unknown, step = 0, isError?: boolean): LlmChunk => ({
  type: 'tool-result',
  toolCallId,
  toolName: 'calculator',
  output,
  step,
  ...(isError !== undefined && {isError}),
});
const stepFinish = (step: number): LlmChunk => ({type: 'step-finish', step, usage: usagePart().usage, messages: []});

/** Every state the chunks go through, after the initial one. */
function statesOf(chunks: readonly LlmChunk[], inLoop: boolean): _ToolCallsState[] {
  const states: _ToolCallsState[] = [];
  chunks.reduce((state, chunk) => {
    const next = _reduceToolCalls(state, chunk);
    states.push(next);
    return next;
  }, _noToolCalls(inLoop));
  return states;
}

const lastCalls = (chunks: readonly LlmChunk[], inLoop: boolean): readonly LlmToolCallState[] =>
  statesOf(chunks, inLoop).at(-1)!.calls;

describe('_reduceToolCalls', () => {
  it('follows a call of a loop from its start to its result: arguments so far, running, then done', () => {
    const states = statesOf(
      [
        text('Let me compute.'),
        start('c1'),
        delta('c1', '{"expr'),
        delta('c1', 'ession": "1+', {expression: '1+'}),
        delta('c1', '1"}', {expression: '1+1'}),
        end('c1', {expression: '1+1'}),
        result('c1', 2),
      ],
      true,
    );
    const [afterText, started, firstDelta, secondDelta, , ended, done] = states.map(state => state.calls[0]);
    expect(afterText).toBeUndefined();
    expect(started).toEqual({
      toolCallId: 'c1',
      toolName: 'calculator',
      argumentsText: '',
      partialInput: undefined,
      input: undefined,
      issues: undefined,
      status: 'streaming-arguments',
      step: 0,
      textOffset: 'Let me compute.'.length,
    });
    // A piece that did not change the parsed arguments keeps the previous ones.
    expect([firstDelta.argumentsText, firstDelta.partialInput]).toEqual(['{"expr', undefined]);
    expect([secondDelta.argumentsText, secondDelta.partialInput]).toEqual(['{"expression": "1+', {expression: '1+'}]);
    expect(ended).toEqual(
      jasmine.objectContaining({
        argumentsText: '{"expression":"1+1"}',
        partialInput: {expression: '1+1'},
        input: {expression: '1+1'},
        status: 'running',
      }),
    );
    expect(done).toEqual({...ended, status: 'done', result: 2});
  });

  it('marks a complete call of a single stream ready, with its issues', () => {
    const issues = [{path: ['expression'], message: 'Expected a string'}];
    const [call] = lastCalls(
      [start('c1'), delta('c1', '{"expression": 3}'), end('c1', {expression: 3}, {issues})],
      false,
    );
    expect(call.status).toBe('ready');
    expect(call.issues).toEqual(issues);
  });

  it('marks a failed tool error, with what it fed back', () => {
    const [call] = lastCalls([start('c1'), end('c1', {}), result('c1', 'Division by zero', 0, true)], true);
    expect([call.status, call.result]).toEqual(['error', 'Division by zero']);
  });

  it('keeps calls in start order, interleaved, each with its step and its place in the text', () => {
    const calls = lastCalls(
      [
        start('a', 'clock'),
        start('b', 'lookup'),
        delta('b', '{}'),
        end('b', {}),
        end('a', {}),
        result('b', 'fact'),
        result('a', '12:00'),
        stepFinish(0),
        text('It is noon.'),
        start('c', 'calculator'),
      ],
      true,
    );
    expect(calls.map(call => [call.toolCallId, call.toolName, call.status, call.step, call.textOffset])).toEqual([
      ['a', 'clock', 'done', 0, 0],
      ['b', 'lookup', 'done', 0, 0],
      ['c', 'calculator', 'streaming-arguments', 1, 'It is noon.'.length],
    ]);
  });

  it('turns a call the loop left to the app (a tool without execute) ready when its step finishes', () => {
    const calls = lastCalls([start('a'), end('a', {}), start('b'), end('b', {}), result('a', 1), stepFinish(0)], true);
    expect(calls.map(call => call.status)).toEqual(['done', 'ready']);
  });

  it('is immutable: a change gives a new list with only the changed call new; other chunks keep the list', () => {
    const chunks = [start('a'), start('b'), delta('b', '{'), text('x'), usagePart(), delta('a', '{')];
    const states = statesOf(chunks, true);
    const [, twoCalls, bChanged, afterText, afterUsage, aChanged] = states;
    expect(bChanged.calls).not.toBe(twoCalls.calls);
    expect(bChanged.calls[0]).toBe(twoCalls.calls[0]);
    expect(bChanged.calls[1]).not.toBe(twoCalls.calls[1]);
    expect(twoCalls.calls[1].argumentsText).toBe('');
    expect(afterText.calls).toBe(bChanged.calls);
    expect(afterText.textLength).toBe(1);
    expect(afterUsage).toBe(afterText);
    expect(aChanged.calls[1]).toBe(afterUsage.calls[1]);
    // A second start of a known call changes nothing.
    expect(_reduceToolCalls(aChanged, start('a'))).toBe(aChanged);
  });
});
