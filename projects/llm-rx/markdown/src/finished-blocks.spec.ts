import {MarkdownParser} from './markdown-parser';
import {countFinishedTokens, lengthOfTokens} from './finished-blocks';

describe('countFinishedTokens()', () => {
  const parser = new MarkdownParser();
  /** The finished part of a text, as the renderer would commit it. */
  function finishedPart(source: string): string {
    const tokens = parser.lex(source);
    return source.slice(0, lengthOfTokens(tokens, countFinishedTokens(tokens, source)));
  }

  it('keeps a lone block unfinished, however long', () => {
    expect(finishedPart('A paragraph that goes on')).toBe('');
    expect(finishedPart('# Title\n')).toBe('');
  });

  it('finishes the blocks before a block whose first line is complete, with the blank lines after them', () => {
    expect(finishedPart('One.\n\nTwo.\n')).toBe('One.\n\n');
    expect(finishedPart('# Title\nText\n')).toBe('# Title\n');
  });

  it('keeps the block before a half-written line unfinished, since that line may still join it', () => {
    expect(finishedPart('One.\n\nTwo.\n\nThr')).toBe('One.\n\n');
    // `***` is a rule here, but `***bold***` continues the paragraph.
    expect(finishedPart('Para\n***')).toBe('');
    // `2` is a paragraph here, but `2. b` is the list's second item.
    expect(finishedPart('1. a\n\n2')).toBe('');
    expect(finishedPart('1. a\n\n2. b\n\nAfter\n')).toBe('1. a\n\n2. b\n\n');
  });

  it('keeps fences and indented code that go on across blank lines unfinished', () => {
    expect(finishedPart('```js\nconst a = 1;\n\nconst b = 2;\n')).toBe('');
    expect(finishedPart('Intro\n\n    code\n\n    more\n')).toBe('Intro\n\n');
  });

  it('finishes a closed fence once a line follows it', () => {
    expect(finishedPart('```js\nconst a = 1;\n```\nAfter\n')).toBe('```js\nconst a = 1;\n```\n');
  });

  it('finishes nothing when the tokens do not spell the source (carriage returns)', () => {
    expect(finishedPart('One.\r\n\r\nTwo.\r\n')).toBe('');
  });

  it('finishes nothing in an empty text', () => {
    expect(finishedPart('')).toBe('');
    expect(finishedPart('\n\n')).toBe('');
  });
});
