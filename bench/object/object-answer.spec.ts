import {assertObjectResult, expectedObjectAnswer} from './object-answer';
import type {ObjectStreamResult} from './object-consumers';

describe('assertObjectResult', () => {
  const answer = expectedObjectAnswer(4, 30);
  const text: ObjectStreamResult = {text: answer.json, pieces: 30, partials: 0, outputTokens: 30};
  const object: ObjectStreamResult = {
    pieces: 30,
    partials: 28,
    lastPartial: JSON.parse(answer.json),
    object: JSON.parse(answer.json),
    outputTokens: 30,
  };
  const textConsumer = {library: 'llm-rx', mode: 'text'} as const;
  const objectConsumer = {library: 'Vercel AI SDK', mode: 'object'} as const;

  it('accepts the whole text in every chunk, and the whole object', () => {
    expect(answer.bytes).toBe(Buffer.byteLength(answer.json));
    expect(() => assertObjectResult(textConsumer, answer, text)).not.toThrow();
    expect(() => assertObjectResult(objectConsumer, answer, object)).not.toThrow();
  });

  it('rejects other text, another piece count or another token count', () => {
    expect(() => assertObjectResult(textConsumer, answer, {...text, text: answer.json.slice(1)})).toThrowError(
      /llm-rx \(text\) on 4 items in 30 chunks: text differs/,
    );
    expect(() => assertObjectResult(textConsumer, answer, {...text, pieces: 29})).toThrowError(/29 text pieces/);
    expect(() => assertObjectResult(objectConsumer, answer, {...object, outputTokens: 31})).toThrowError(
      /31 output tokens/,
    );
  });

  it('rejects another object, a last partial that is not whole, or no partial', () => {
    const {items} = answer.value as {items: unknown[]};
    const fewer = {items: items.slice(1)};
    expect(() => assertObjectResult(objectConsumer, answer, {...object, object: fewer})).toThrowError(
      /Vercel AI SDK \(object\).*the validated object differs/,
    );
    expect(() => assertObjectResult(objectConsumer, answer, {...object, lastPartial: fewer})).toThrowError(
      /last partial object is not whole/,
    );
    expect(() => assertObjectResult(objectConsumer, answer, {...object, partials: 0})).toThrowError(/no partial/);
  });
});
