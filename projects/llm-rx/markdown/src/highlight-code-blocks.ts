import type {MarkdownHighlighter} from './markdown-highlighter';
import type {MarkdownSanitizer} from './markdown-sanitizer';

/**
 * Highlights the code blocks (`pre > code`) among rendered nodes, each once: its content is replaced by the
 * highlighter's sanitized HTML and it gets the `hljs` class, unless it left the container meanwhile.
 * @param nodes The nodes of the blocks just rendered.
 * @param container The renderer's container: a block no longer in it is not touched.
 * @param highlight The highlighter.
 * @param sanitize The sanitizer the highlighter's HTML goes through.
 * @returns A promise that resolves once every block is highlighted (or left plain, if its highlighter failed).
 */
export function highlightCodeBlocks(
  nodes: readonly ChildNode[],
  container: HTMLElement,
  highlight: MarkdownHighlighter,
  sanitize: MarkdownSanitizer,
): Promise<void> {
  const blocks = nodes.flatMap(node =>
    node instanceof Element ? [...(node.matches('pre') ? [node] : []), ...node.querySelectorAll('pre')] : [],
  );
  const done = blocks.flatMap(pre => {
    const code = pre.querySelector(':scope > code');
    if (!code || code.classList.contains('hljs')) return [];
    const language = /(?:^|\s)language-(\S+)/.exec(code.className)?.[1];
    return [
      Promise.resolve()
        .then(() => highlight(code.textContent ?? '', language))
        .then(html => {
          if (html === undefined || !container.contains(code)) return;
          code.innerHTML = sanitize(html);
          code.classList.add('hljs');
        })
        // A highlighter that fails leaves its block plain, as readable as before.
        .catch(() => undefined),
    ];
  });
  return Promise.all(done).then(() => undefined);
}
