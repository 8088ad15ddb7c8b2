import type {LlmToolCallState} from 'llm-rx/angular';
import {answerPieces} from './answer-pieces';

const call = (toolCallId: string, textOffset: number): LlmToolCallState => ({
  toolCallId,
  toolName: 'calculator',
  argumentsText: '{}',
  partialInput: {},
  input: {},
  issues: undefined,
  status: 'done',
  step: 0,
  textOffset,
});

const shape = (text: string, calls: LlmToolCallState[]) =>
  answerPieces(text, calls).map(piece => (piece.kind === 'text' ? piece.text : `[${piece.call.toolCallId}]`));

describe('answerPieces', () => {
  it('is the whole text without calls, also an empty one', () => {
    expect(shape('Hello', [])).toEqual(['Hello']);
    expect(shape('', [])).toEqual(['']);
  });

  it('puts each call after the text that came before it, and the rest after', () => {
    expect(shape('Let me see. It is 84.', [call('a', 12)])).toEqual(['Let me see. ', '[a]', 'It is 84.']);
    expect(shape('Two calls: done.', [call('a', 11), call('b', 11)])).toEqual(['Two calls: ', '[a]', '[b]', 'done.']);
  });

  it('keeps a place for the text still to come after the last call', () => {
    expect(shape('', [call('a', 0)])).toEqual(['[a]', '']);
    const pieces = answerPieces('Hi ', [call('a', 3)]);
    expect(pieces.at(-1)).toEqual({kind: 'text', text: '', offset: 3});
  });

  it('never cuts past the text, nor backwards', () => {
    expect(shape('abc', [call('a', 10)])).toEqual(['abc', '[a]', '']);
    expect(shape('abcdef', [call('a', 4), call('b', 2)])).toEqual(['abcd', '[a]', '[b]', 'ef']);
  });
});
