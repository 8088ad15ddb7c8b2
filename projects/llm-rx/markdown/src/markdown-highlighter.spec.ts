import {createHighlightJsHighlighter} from './markdown-highlighter';

describe('createHighlightJsHighlighter()', () => {
  it('highlights a block in a language highlight.js knows', async () => {
    const html = await createHighlightJsHighlighter()('const a = 1;', 'ts');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
  });

  it('guesses an unknown language and leaves a block without one plain', async () => {
    const highlight = createHighlightJsHighlighter();
    expect(await highlight('def f():\n    return 1', 'no-such-language')).toContain('hljs-');
    expect(await highlight('plain text', undefined)).toBeUndefined();
  });

  it('loads highlight.js once, at the first block with a language', async () => {
    const load = jasmine
      .createSpy('load')
      .and.callFake(() => import('highlight.js/lib/common') as Promise<{default: never}>);
    const highlight = createHighlightJsHighlighter(load);
    await highlight('x', undefined);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([highlight('a', 'js'), highlight('b', 'py')]);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
