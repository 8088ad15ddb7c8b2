import DOMPurify, {type WindowLike} from 'dompurify';

/**
 * Turns untrusted HTML (what the model wrote, rendered by `marked`) into HTML that is safe to insert in the page.
 * @param html The HTML of one block, or of a highlighted code block's content.
 * @returns The safe HTML.
 */
export type MarkdownSanitizer = (html: string) => string;

/**
 * The default sanitizer: a private DOMPurify instance (so that no other code's hooks or settings change it) with
 * DOMPurify's defaults, which remove scripts, event handlers (`onerror`) and URLs of other schemes than http(s),
 * mailto, tel and a few more (`javascript:`, `vbscript:`, `data:` links), plus a hook that makes every link open
 * in a new tab without giving it the page: `target="_blank"` and `rel="noopener noreferrer"`.
 *
 * DOMPurify needs a DOM: in the browser it uses `window`; on a server (SSR, Node), pass a window such as jsdom's.
 * @param root The window whose document parses the HTML; default: the page's `window`.
 * @returns The sanitizer.
 * @example
 * ```ts
 * const sanitize = createMarkdownSanitizer();
 * sanitize('<a href="javascript:alert(1)" onclick="x()">hi</a>'); // '<a target="_blank" rel="noopener noreferrer">hi</a>'
 * ```
 */
export function createMarkdownSanitizer(root: WindowLike = window): MarkdownSanitizer {
  const purify = DOMPurify(root);
  purify.addHook('afterSanitizeAttributes', node => {
    if (node.nodeName !== 'A') return;
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
  return html => purify.sanitize(html);
}
