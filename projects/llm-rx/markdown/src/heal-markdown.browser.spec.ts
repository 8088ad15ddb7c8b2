import {healMarkdownBlock} from './heal-markdown';

describe('healMarkdownBlock()', () => {
  it('closes unclosed emphasis, code and links (remend)', () => {
    expect(healMarkdownBlock('Some **bold')).toBe('Some **bold**');
    expect(healMarkdownBlock('Some _it')).toBe('Some _it_');
    expect(healMarkdownBlock('Run `npm')).toBe('Run `npm`');
    expect(healMarkdownBlock('See [the docs](https://exa')).toBe('See [the docs](streamdown:incomplete-link)');
  });

  it('holds back markers with nothing after them, and makes a link of a link text waiting for its url', () => {
    expect(healMarkdownBlock('Some **')).toBe('Some');
    expect(healMarkdownBlock('See [the docs]')).toBe('See [the docs](streamdown:incomplete-link)');
  });

  it("completes a table's delimiter row, after healing its cells", () => {
    expect(healMarkdownBlock('| a | **b')).toBe('| a | **b**\n| --- | --- |\n');
    expect(healMarkdownBlock('| a | b |\n-')).toBe('| a | b |\n| --- | --- |\n');
  });

  it('leaves finished markdown alone', () => {
    expect(healMarkdownBlock('Some **bold** and `code`.')).toBe('Some **bold** and `code`.');
  });
});
