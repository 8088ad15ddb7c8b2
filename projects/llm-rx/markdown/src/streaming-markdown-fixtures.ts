import {MarkdownParser} from './markdown-parser';
import {createMarkdownSanitizer} from './markdown-sanitizer';
import {BLOCK_GROUP_CLASS, StreamingMarkdown} from './streaming-markdown';
import type {StreamingMarkdownOptions} from './streaming-markdown-options';

/** A renderer into a fresh container, without highlighting or code headers unless asked. */
export function createRenderer(options: StreamingMarkdownOptions = {}): {
  container: HTMLElement;
  renderer: StreamingMarkdown;
} {
  const container = document.createElement('div');
  document.body.append(container);
  return {container, renderer: new StreamingMarkdown(container, {highlight: false, codeHeaders: false, ...options})};
}

/**
 * The prefixes a stream of a text delivers, in chunks of 1 to 7 characters chosen by a fixed rule (no randomness).
 * @param text The whole text.
 * @returns The text so far after each chunk, the last one being the whole text.
 */
export function streamedPrefixes(text: string): string[] {
  const prefixes: string[] = [];
  for (let end = 0, step = 0; end < text.length; step++) {
    end = Math.min(text.length, end + 1 + ((step * 5) % 7));
    prefixes.push(text.slice(0, end));
  }
  return prefixes;
}

/**
 * What `marked` renders for the whole text at once, through the same sanitizer, with code blocks and tables as tab
 * stops: what a finished stream must equal.
 * @param text The markdown.
 * @returns The sanitized HTML, as a container's `innerHTML` reads back.
 */
export function renderedAtOnce(text: string): string {
  const reference = document.createElement('div');
  reference.innerHTML = createMarkdownSanitizer()(new MarkdownParser().renderAll(text));
  // The renderer's one addition to marked's HTML: code blocks and tables are tab stops (they scroll sideways).
  for (const box of reference.querySelectorAll<HTMLElement>('pre, table')) box.tabIndex = 0;
  return reference.innerHTML;
}

/**
 * A container's HTML without the groups the finished blocks sit in (`llm-markdown-group`), to compare with what
 * `marked` renders.
 * @param container The renderer's container.
 * @returns Its HTML, the groups' children in their place.
 */
export function ungroupedHtml(container: HTMLElement): string {
  const copy = container.cloneNode(true) as HTMLElement;
  for (const group of copy.querySelectorAll(`.${BLOCK_GROUP_CLASS}`)) group.replaceWith(...group.childNodes);
  return copy.innerHTML;
}
