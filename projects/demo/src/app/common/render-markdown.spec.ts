import {renderMarkdown} from './render-markdown';

describe('renderMarkdown', () => {
  it('renders headings, emphasis, lists and code', () => {
    const html = renderMarkdown('## Title\n\nSome **bold** and `code`.\n\n- one\n- two');
    expect(html).toContain('<h2>Title</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>two</li>');
  });

  it('renders an answer cut in the middle of a token without throwing', () => {
    expect(renderMarkdown('Some **bol')).toContain('Some **bol');
    expect(renderMarkdown('```ts\nconst x')).toContain('<pre><code');
  });
});
