import {HTML_ACROSS_BLOCKS, MARKDOWN_CORPUS} from './markdown-corpus-fixtures';
import {createRenderer, renderedAtOnce, streamedPrefixes, ungroupedHtml} from './streaming-markdown-fixtures';

describe('StreamingMarkdown on typical answers', () => {
  for (const [name, text] of Object.entries(MARKDOWN_CORPUS)) {
    it(`ends with what marked renders for the whole text at once: ${name}`, () => {
      const {container, renderer} = createRenderer();
      for (const prefix of streamedPrefixes(text)) renderer.update(prefix);
      renderer.finish();
      expect(ungroupedHtml(container)).toBe(renderedAtOnce(text));
      expect(renderer.stats.committedBlocks).toBeGreaterThan(0);
      container.remove();
    });
  }

  it('ends the same whatever the chunks, one character at a time included', () => {
    const text = Object.values(MARKDOWN_CORPUS).join('\n\n');
    const {container, renderer} = createRenderer();
    for (let end = 1; end <= text.length; end++) renderer.update(text.slice(0, end));
    renderer.finish();
    expect(ungroupedHtml(container)).toBe(renderedAtOnce(text));
    container.remove();
  });

  it('closes an HTML element at the end of its block when it closes in a later one (the documented exception)', () => {
    const {container, renderer} = createRenderer();
    for (const prefix of streamedPrefixes(HTML_ACROSS_BLOCKS)) renderer.update(prefix);
    renderer.finish();
    expect(ungroupedHtml(container)).toBe(
      '<details><summary>More</summary></details><p>Hidden text.</p>\n<p>Last line.</p>\n',
    );
    const reference = document.createElement('div');
    reference.innerHTML = renderedAtOnce(HTML_ACROSS_BLOCKS);
    expect(container.textContent).toBe(reference.textContent);
    container.remove();
  });
});
