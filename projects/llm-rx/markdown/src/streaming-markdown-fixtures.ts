import {MarkdownParser} from './markdown-parser';
import {createMarkdownSanitizer} from './markdown-sanitizer';
import {StreamingMarkdown} from './streaming-markdown';
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
 * What `marked` renders for the whole text at once, through the same sanitizer: what a finished stream must equal.
 * @param text The markdown.
 * @returns The sanitized HTML, as a container's `innerHTML` reads back.
 */
export function renderedAtOnce(text: string): string {
  const reference = document.createElement('div');
  reference.innerHTML = createMarkdownSanitizer()(new MarkdownParser().renderAll(text));
  return reference.innerHTML;
}
