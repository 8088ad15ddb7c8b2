import type {HighlightJsLike} from './markdown-highlighter';
import {createHighlightJsHighlighter} from './markdown-highlighter';
import {createRenderer} from './streaming-markdown-fixtures';

/** A highlight.js loader that resolves when told to, so that a spec sees the blocks before and after. */
function deferredHighlightJs(): {load: jasmine.Spy<() => Promise<{default: HighlightJsLike}>>; resolve: () => void} {
  let resolve!: () => void;
  const loaded = new Promise<void>(done => (resolve = done));
  const load = jasmine
    .createSpy('load')
    .and.callFake(() => loaded.then(() => import('highlight.js/lib/common') as Promise<{default: HighlightJsLike}>));
  return {load, resolve};
}

const ANSWER = 'Code:\n\n```ts\nconst a = 1;\n```\n\nAfter the code.\n\nThe end';

describe('StreamingMarkdown highlighting', () => {
  it('highlights a finished code block once highlight.js is loaded, and leaves it plain until then', async () => {
    const {load, resolve} = deferredHighlightJs();
    const {container, renderer} = createRenderer({highlight: createHighlightJsHighlighter(load)});
    renderer.update(ANSWER);
    const code = container.querySelector('pre code')!;
    await new Promise(requestAnimationFrame);
    expect(code.querySelector('.hljs-keyword')).toBeNull();
    resolve();
    await renderer.highlighted();
    expect(load).toHaveBeenCalledTimes(1);
    expect(container.querySelector('pre code')).toBe(code);
    expect(code.classList).toContain('hljs');
    expect(code.querySelector('.hljs-keyword')?.textContent).toBe('const');
    container.remove();
  });

  it('leaves a growing code block plain and highlights it at finish()', async () => {
    const {load, resolve} = deferredHighlightJs();
    resolve();
    const {container, renderer} = createRenderer({highlight: createHighlightJsHighlighter(load)});
    renderer.update('Code:\n\n```ts\nconst a = 1;\n');
    await renderer.highlighted();
    expect(load).not.toHaveBeenCalled();
    expect(container.querySelector('pre code')!.classList).not.toContain('hljs');
    renderer.update('Code:\n\n```ts\nconst a = 1;\n```');
    renderer.finish();
    await renderer.highlighted();
    expect(container.querySelector('pre code .hljs-keyword')).not.toBeNull();
    container.remove();
  });

  it('never loads highlight.js for an answer without code', async () => {
    const {load} = deferredHighlightJs();
    const {container, renderer} = createRenderer({highlight: createHighlightJsHighlighter(load)});
    renderer.update('One.\n\nTwo with `inline code`.\n\nThree.');
    renderer.finish();
    await renderer.highlighted();
    expect(load).not.toHaveBeenCalled();
    container.remove();
  });

  it('highlights with the default highlighter, and not at all with highlight: false', async () => {
    const highlighted = createRenderer({highlight: undefined});
    highlighted.renderer.update(ANSWER);
    await highlighted.renderer.highlighted();
    expect(highlighted.container.querySelector('pre code .hljs-keyword')).not.toBeNull();
    const plain = createRenderer({highlight: false});
    plain.renderer.update(ANSWER);
    plain.renderer.finish();
    await plain.renderer.highlighted();
    expect(plain.container.querySelector('pre code')!.classList).not.toContain('hljs');
    highlighted.container.remove();
    plain.container.remove();
  });

  it("sanitizes a highlighter's HTML", async () => {
    const {container, renderer} = createRenderer({highlight: () => '<img src="x" onerror="alert(1)">code'});
    renderer.update(ANSWER);
    await renderer.highlighted();
    expect(container.querySelector('pre code')!.innerHTML).toBe('<img src="x">code');
    container.remove();
  });
});
