import {createMarkdownSanitizer} from './markdown-sanitizer';
import {createRenderer} from './streaming-markdown-fixtures';

describe('createMarkdownSanitizer()', () => {
  const sanitize = createMarkdownSanitizer();

  it('removes scripts, event handlers and javascript: links', () => {
    expect(sanitize('<p>Hi<script>alert(1)</script></p>')).toBe('<p>Hi</p>');
    expect(sanitize('<img src="x.png" onerror="alert(1)">')).toBe('<img src="x.png">');
    expect(sanitize('<a href="javascript:alert(1)">x</a>')).not.toContain('javascript');
    expect(sanitize('<a href="data:text/html,<script>alert(1)</script>">x</a>')).not.toContain('data:');
  });

  it('makes every link open in a new tab without giving it the page', () => {
    const holder = document.createElement('div');
    holder.innerHTML = sanitize('<a href="https://example.com" target="_self" rel="opener">x</a>');
    const link = holder.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.com');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('leaves other DOMPurify instances alone', async () => {
    const {default: DOMPurify} = await import('dompurify');
    expect(DOMPurify.sanitize('<a href="https://example.com">x</a>')).toBe('<a href="https://example.com">x</a>');
  });
});

describe('StreamingMarkdown sanitizing', () => {
  it('sanitizes what the model writes, in finished blocks and in the tail', () => {
    const {container, renderer} = createRenderer();
    const attack = [
      '<script>window.hacked = true</script>',
      '',
      '<img src="x" onerror="window.hacked = true">',
      '',
      '[click](javascript:window.hacked=true) and <a href="javascript:void 0" onclick="window.hacked = true">me</a>',
    ].join('\n');
    for (let end = 1; end <= attack.length; end++) renderer.update(attack.slice(0, end));
    renderer.finish();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('[onerror], [onclick]')).toBeNull();
    expect([...container.querySelectorAll('a')].map(link => link.getAttribute('href'))).toEqual([null, null]);
    expect((window as {hacked?: boolean}).hacked).toBeUndefined();
    container.remove();
  });

  it('uses a sanitizer of its own when given one', () => {
    const sanitize = jasmine.createSpy('sanitize').and.callFake((html: string) => html.replace(/<\/?em>/g, ''));
    const {container, renderer} = createRenderer({sanitize});
    renderer.update('An *emphasis*.\n\nMore');
    expect(sanitize).toHaveBeenCalled();
    expect(container.querySelector('em')).toBeNull();
    container.remove();
  });
});
