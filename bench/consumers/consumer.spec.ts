import {assertConsumersAgree, type StreamResult, TextCollector} from './consumer';

const result = (overrides: Partial<StreamResult> = {}): StreamResult => ({
  text: 'w1 w2',
  pieces: 2,
  inputTokens: 42,
  outputTokens: 2,
  firstTextAt: 1,
  ...overrides,
});

describe('assertConsumersAgree', () => {
  it('accepts consumers that saw the same text, pieces and usage', () => {
    expect(() =>
      assertConsumersAgree(
        [
          {label: 'raw', result: result()},
          {label: 'llm-rx', result: result({firstTextAt: 5})},
        ],
        2,
      ),
    ).not.toThrow();
  });

  it('names the consumer whose text differs', () => {
    expect(() =>
      assertConsumersAgree(
        [
          {label: 'raw', result: result()},
          {label: 'Vercel', result: result({text: 'w1 w2 '})},
        ],
        2,
      ),
    ).toThrowError(/Vercel disagrees with raw: text differs/);
  });

  it('rejects different usage, a wrong piece count and a wrong token count', () => {
    const raw = {label: 'raw', result: result()};
    expect(() => assertConsumersAgree([raw, {label: 'x', result: result({inputTokens: 41})}], 2)).toThrowError(
      /usage differs/,
    );
    expect(() => assertConsumersAgree([raw, {label: 'x', result: result({pieces: 1})}], 2)).toThrowError(
      /1 text pieces, expected 2/,
    );
    expect(() => assertConsumersAgree([raw], 3)).toThrowError(/expected 3/);
  });

  it('refuses an empty comparison', () => {
    expect(() => assertConsumersAgree([], 1)).toThrowError(/no consumer results/);
  });
});

describe('TextCollector', () => {
  it('joins pieces, counts them and keeps the time of the first', () => {
    const collector = new TextCollector();
    expect(collector.result(1, 0).firstTextAt).toBeNull();
    collector.add('a');
    collector.add('b');
    const collected = collector.result(1, 2);
    expect(collected).toEqual(jasmine.objectContaining({text: 'ab', pieces: 2, inputTokens: 1, outputTokens: 2}));
    expect(collected.firstTextAt).toEqual(jasmine.any(Number));
  });
});
