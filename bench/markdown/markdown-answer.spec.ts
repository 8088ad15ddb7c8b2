import {marked, type Tokens} from 'marked';
import {benchMarkdownAnswer, chunksOf} from './markdown-answer';

describe('benchMarkdownAnswer', () => {
  it('reaches the size asked for, and the same text each time', () => {
    const answer = benchMarkdownAnswer(40_000);
    expect(answer.length).toBeGreaterThanOrEqual(40_000);
    expect(answer.length).toBeLessThan(42_000);
    expect(benchMarkdownAnswer(40_000)).toBe(answer);
  });

  it('has headings, paragraphs, nested lists, code in several languages, tables and quotes', () => {
    const tokens = marked.lexer(benchMarkdownAnswer(10_000));
    const types = new Set(tokens.map(token => token.type));
    for (const type of ['heading', 'paragraph', 'list', 'code', 'table', 'blockquote']) expect(types).toContain(type);
    const languages = new Set(tokens.flatMap(token => (token.type === 'code' ? [token.lang as string] : [])));
    expect(languages.size).toBeGreaterThanOrEqual(4);
    const nested = tokens.some(
      token =>
        token.type === 'list' &&
        (token as Tokens.List).items.some(item => item.tokens.some(inner => inner.type === 'list')),
    );
    expect(nested).toBeTrue();
    expect(tokens.filter(token => token.type !== 'space')[1]?.type).toBe('paragraph');
  });
});

describe('chunksOf', () => {
  it('cuts into chunks of the size that join to the text', () => {
    expect(chunksOf('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    expect(chunksOf('', 3)).toEqual([]);
  });
});
