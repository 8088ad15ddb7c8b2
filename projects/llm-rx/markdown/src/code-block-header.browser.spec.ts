import {createRenderer} from './streaming-markdown-fixtures';

const ANSWER = 'Code:\n\n```ts\nconst a = 1;\n```\n\nPlain:\n\n```\nno language\n```\n\nThe end';

describe('StreamingMarkdown code headers', () => {
  it('puts each code block in a box with its language and a copy button', () => {
    const {container, renderer} = createRenderer({codeHeaders: true});
    renderer.update(ANSWER);
    const boxes = [...container.querySelectorAll('.llm-markdown-code')];
    expect(boxes.map(box => box.querySelector('.llm-markdown-code-language')!.textContent)).toEqual(['ts', '']);
    const button = boxes[0].querySelector('button')!;
    expect(button.type).toBe('button');
    expect(button.getAttribute('aria-label')).toBe('Copy code');
    expect(boxes[0].querySelector(':scope > pre > code')!.textContent).toBe('const a = 1;\n');
    container.remove();
  });

  it('copies the code when its button is clicked, also after destroy() and a new text', async () => {
    const writeText = spyOn(navigator.clipboard, 'writeText').and.resolveTo();
    const {container, renderer} = createRenderer({codeHeaders: true});
    renderer.update(ANSWER);
    container.querySelector('button')!.click();
    expect(writeText).toHaveBeenCalledOnceWith('const a = 1;\n');
    await writeText.calls.mostRecent().returnValue;
    await Promise.resolve();
    expect(container.querySelector('button')!.textContent).toBe('Copied');

    renderer.destroy();
    renderer.update(ANSWER.replace('const a = 1;', 'let b = 2;'));
    container.querySelector('button')!.click();
    expect(writeText).toHaveBeenCalledWith('let b = 2;\n');
    container.remove();
  });

  it('takes the language as text, never as HTML', () => {
    const {container, renderer} = createRenderer({codeHeaders: true});
    renderer.update('```<img/src/onerror=alert(1)>\ncode\n```\n\nEnd');
    expect(container.querySelector('.llm-markdown-code-language img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    container.remove();
  });
});
