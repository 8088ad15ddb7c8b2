import {createRenderer, streamedPrefixes} from './streaming-markdown-fixtures';
import {BLOCK_GROUP_CLASS, type StreamingMarkdown} from './streaming-markdown';

describe('StreamingMarkdown', () => {
  let container: HTMLElement;
  let renderer: StreamingMarkdown;

  beforeEach(() => ({container, renderer} = createRenderer()));
  afterEach(() => container.remove());

  /** Streams a text on from what the renderer has (or from nothing). */
  function stream(text: string, from = ''): void {
    for (const prefix of streamedPrefixes(text)) if (prefix.length > from.length) renderer.update(prefix);
  }

  it('renders a finished block once and keeps its nodes while the answer grows', () => {
    renderer.update('# Title\n\nFirst paragraph.\n\nSecond paragraph.\n\n- a');
    const title = container.querySelector('h1')!;
    const first = container.querySelector('p')!;
    stream(
      '# Title\n\nFirst paragraph.\n\nSecond paragraph.\n\n- a\n- b\n\nThe end.',
      '# Title\n\nFirst paragraph.\n\nSecond paragraph.\n\n- a',
    );
    renderer.finish();
    expect(container.querySelector('h1')).toBe(title);
    expect(container.querySelector('p')).toBe(first);
    expect(first.textContent).toBe('First paragraph.');
    // The last paragraph and the list before it stay the tail: the text could still continue either.
    expect(renderer.stats.committedBlocks).toBe(3);
  });

  it('renders only the tail again at each update', () => {
    renderer.update('One.\n\nTwo.\n\nThree');
    const before = renderer.stats;
    const one = container.querySelector('p')!;
    renderer.update('One.\n\nTwo.\n\nThree and');
    expect(renderer.stats.tailRenders).toBe(before.tailRenders + 1);
    expect(renderer.stats.committedBlocks).toBe(1);
    const paragraphs = container.querySelectorAll('p');
    expect(paragraphs[0]).toBe(one);
    expect([...paragraphs].map(paragraph => paragraph.textContent)).toEqual(['One.', 'Two.', 'Three and']);
  });

  it('makes code blocks and tables, which scroll sideways in their own box, reachable by keyboard', () => {
    stream('Some `inline` code.\n\n```js\nconst a = 1;\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    renderer.finish();
    expect(
      [...container.querySelectorAll('pre, table')].map(box => [box.tagName, box.getAttribute('tabindex')]),
    ).toEqual([
      ['PRE', '0'],
      ['TABLE', '0'],
    ]);
    expect(container.querySelector('p code')!.hasAttribute('tabindex')).toBe(false);
  });

  it('keeps the finished blocks of a long answer in groups, so that a frame lays out a few dozen boxes, not all', () => {
    const paragraphs = Array.from({length: 1000}, (_value, index) => `Paragraph ${index}.`);
    let text = '';
    for (const paragraph of paragraphs) renderer.update((text += `${paragraph}\n\n`));
    renderer.finish();
    expect(container.children.length).toBeLessThan(30);
    expect(container.querySelectorAll(`.${BLOCK_GROUP_CLASS}`).length).toBeGreaterThan(1);
    expect([...container.querySelectorAll('p')].map(paragraph => paragraph.textContent)).toEqual(paragraphs);
  });

  it('keeps the tail as it is when an update does not change what it renders', () => {
    renderer.update('One.\n\nTwo');
    const tailRenders = renderer.stats.tailRenders;
    renderer.update('One.\n\nTwo');
    expect(renderer.stats.tailRenders).toBe(tailRenders);
  });

  it('lexes only the tail: the characters lexed per update do not grow with the answer', () => {
    const paragraph = (index: number) =>
      `Paragraph ${index} says **something** with a [link](https://example.com).\n\n`;
    let text = '';
    let mostLexed = 0;
    for (let index = 0; index < 300; index++) {
      for (const prefix of streamedPrefixes(paragraph(index))) {
        renderer.update(text + prefix);
        if (index > 2) mostLexed = Math.max(mostLexed, renderer.stats.lexedCharacters);
      }
      text += paragraph(index);
    }
    expect(text.length).toBeGreaterThan(20_000);
    // At most the two last paragraphs and the healed last one: the tail, never the whole text.
    expect(mostLexed).toBeLessThanOrEqual(3 * paragraph(999).length);
    expect(renderer.stats.committedBlocks).toBe(299);
  });

  it('keeps a selection made in an early paragraph while the answer streams', () => {
    renderer.update('A first paragraph to select.\n\nThen more text.\n\n## A');
    expect(renderer.stats.committedBlocks).toBe(1);
    const first = container.querySelector('p')!;
    const range = document.createRange();
    range.selectNodeContents(first);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    stream(
      'A first paragraph to select.\n\nThen more text.\n\n## A heading\n\nAnd a last paragraph.',
      'A first paragraph to select.\n\nThen more text.\n\n## A',
    );
    expect(getSelection()!.toString()).toBe('A first paragraph to select.');
    getSelection()!.removeAllRanges();
  });

  it('starts over when the text does not continue the previous one', () => {
    stream('First answer.\n\nIts second paragraph.\n\nEnd.');
    renderer.update('A new answer');
    expect(container.textContent).toBe('A new answer\n');
    expect(renderer.stats.committedBlocks).toBe(0);
  });

  it('finish() renders the tail without healing', () => {
    renderer.update('Some **bold');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    renderer.finish();
    expect(container.querySelector('strong')).toBeNull();
    expect(container.textContent).toBe('Some **bold\n');
  });

  it('finish() resolves reference links whose definition came after the blocks that use them', () => {
    stream('See [the docs][docs].\n\nMore text.\n\n[docs]: https://angular.dev');
    expect(container.querySelector('a')).toBeNull();
    renderer.finish();
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://angular.dev');
    expect(renderer.stats.rerenderedBlocks).toBe(1);
  });

  it('destroy() empties the container and forgets the blocks', () => {
    stream('One.\n\nTwo.\n\nThree');
    renderer.destroy();
    expect(container.childNodes.length).toBe(0);
    expect(renderer.stats.committedBlocks).toBe(0);
    renderer.update('Again');
    expect(container.textContent).toBe('Again\n');
  });
});
