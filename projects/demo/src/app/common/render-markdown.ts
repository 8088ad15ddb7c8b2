import {Marked} from 'marked';

// A private instance, so that no other code's `marked.use()` changes how answers render.
const markdown = new Marked({gfm: true, breaks: false, async: false});

/**
 * Renders an answer's markdown to HTML, also while it streams (an unclosed `**` or fence renders as text).
 *
 * The HTML is not trusted: bind it with `[innerHTML]`, whose sanitizer removes scripts, event handlers and
 * `javascript:` URLs from whatever the model (or a prompt injection) wrote.
 * @param text The markdown.
 * @returns The HTML.
 */
export function renderMarkdown(text: string): string {
  return markdown.parse(text, {async: false});
}
