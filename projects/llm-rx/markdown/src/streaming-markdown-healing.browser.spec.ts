import {createRenderer} from './streaming-markdown-fixtures';

/** An answer with every kind of inline syntax, a table and a code block whose markers must never show raw. */
const SAMPLE = [
  'Intro with **bold text**, _italic words_, `inline code`, ~~struck~~ and [a link](https://example.com/page).',
  '',
  '| Name | Value |',
  '| --- | --- |',
  '| **alpha** | `1` |',
  '| beta | 2 |',
  '',
  '```ts',
  'const total = a ** b; // `stars` in *code*',
  '```',
  '',
  '- a list item with **bold**',
  '- and a [link](https://example.com)',
].join('\n');

/** A table that interrupts a paragraph, without a blank line, as models sometimes write it. */
const TABLE_AFTER_PARAGRAPH = 'Compare:\n| A | B |\n|---|---|\n| 1 | **2** |\n\nDone.';

/** The text a reader sees outside code blocks. */
function visibleProse(container: HTMLElement): string {
  const copy = container.cloneNode(true) as HTMLElement;
  for (const block of copy.querySelectorAll('pre')) block.remove();
  return copy.textContent ?? '';
}

describe('StreamingMarkdown healing', () => {
  it('never shows a raw marker, bracket or pipe row while any prefix streams, and formatting never goes away', () => {
    const {container, renderer} = createRenderer();
    const formatted = {strong: 0, em: 0, code: 0, del: 0, a: 0, table: 0, pre: 0};
    for (let end = 1; end <= SAMPLE.length; end++) {
      const prefix = SAMPLE.slice(0, end);
      renderer.update(prefix);
      const context = `after ${JSON.stringify(prefix.slice(-30))}`;
      expect(visibleProse(container))
        .withContext(context)
        .not.toMatch(/[*_`~|[\]]/);
      const pipeParagraphs = [...container.querySelectorAll('p')].filter(p => p.textContent!.trim().startsWith('|'));
      expect(pipeParagraphs).withContext(context).toEqual([]);
      for (const tag of Object.keys(formatted) as (keyof typeof formatted)[]) {
        const count = container.querySelectorAll(tag).length;
        expect(count).withContext(`${tag} ${context}`).toBeGreaterThanOrEqual(formatted[tag]);
        formatted[tag] = count;
      }
      if (prefix.includes('```ts\n'))
        expect(container.querySelector('pre code.language-ts')).withContext(context).not.toBeNull();
    }
    expect(formatted).toEqual({strong: 3, em: 1, code: 3, del: 1, a: 2, table: 1, pre: 1});
    container.remove();
  });

  it('never shows a pipe row before a table that interrupts a paragraph', () => {
    const {container, renderer} = createRenderer();
    for (let end = 1; end <= TABLE_AFTER_PARAGRAPH.length; end++) {
      const prefix = TABLE_AFTER_PARAGRAPH.slice(0, end);
      renderer.update(prefix);
      expect(visibleProse(container)).withContext(JSON.stringify(prefix)).not.toMatch(/[*|]/);
    }
    expect(container.querySelectorAll('table td').length).toBe(2);
    container.remove();
  });

  it('renders a growing fence as a code block and leaves markers inside it alone', () => {
    const {container, renderer} = createRenderer();
    renderer.update('Text.\n\n```js\nconst a = 2 ** 3; // **not bold');
    expect(container.querySelector('pre code')?.textContent).toBe('const a = 2 ** 3; // **not bold\n');
    container.remove();
  });

  it('heals only the last block: an earlier unfinished-looking paragraph renders as written', () => {
    const {container, renderer} = createRenderer();
    renderer.update('Two stars ** alone.\n\nThen **bold');
    const [first, last] = container.querySelectorAll('p');
    expect(first.textContent).toBe('Two stars ** alone.');
    expect(last.querySelector('strong')?.textContent).toBe('bold');
    container.remove();
  });
});
