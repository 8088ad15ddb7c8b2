import {expectedObjectAnswer} from '../object/object-answer';
import type {ArgumentStreamResult} from './tool-arguments-consumers';
import {assertArgumentResult} from './tool-arguments-result';

describe('assertArgumentResult', () => {
  const answer = expectedObjectAnswer(3, 40);
  const text: ArgumentStreamResult = {text: answer.json, pieces: 40, toolCalls: 0, outputTokens: 40};
  const tool: ArgumentStreamResult = {...text, toolCalls: 1, input: JSON.parse(answer.json)};
  const textConsumer = {library: 'llm-rx', mode: 'text'} as const;
  const toolConsumer = {library: 'Vercel AI SDK', mode: 'tool-arguments'} as const;

  it('accepts every piece of the JSON, and one call with its value', () => {
    expect(() => assertArgumentResult(textConsumer, answer, text)).not.toThrow();
    expect(() => assertArgumentResult(toolConsumer, answer, tool)).not.toThrow();
  });

  it('rejects other pieces, another piece or token count', () => {
    expect(() => assertArgumentResult(textConsumer, answer, {...text, text: answer.json.slice(2)})).toThrowError(
      /llm-rx \(text\) on 3 items in 40 chunks: the pieces differ/,
    );
    expect(() => assertArgumentResult(textConsumer, answer, {...text, pieces: 39})).toThrowError(/39 pieces/);
    expect(() => assertArgumentResult(toolConsumer, answer, {...tool, outputTokens: 41})).toThrowError(
      /41 output tokens/,
    );
  });

  it('rejects a call in a text answer, no call or two, and another input', () => {
    expect(() => assertArgumentResult(textConsumer, answer, {...text, toolCalls: 1})).toThrowError(/expected none/);
    expect(() => assertArgumentResult(toolConsumer, answer, {...tool, toolCalls: 0})).toThrowError(
      /0 tool calls, expected 1/,
    );
    expect(() => assertArgumentResult(toolConsumer, answer, {...tool, toolCalls: 2})).toThrowError(/2 tool calls/);
    expect(() => assertArgumentResult(toolConsumer, answer, {...tool, input: {items: []}})).toThrowError(
      /Vercel AI SDK \(tool-arguments\).*the call's input differs/,
    );
  });
});
