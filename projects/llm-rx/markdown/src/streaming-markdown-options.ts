import type {MarkdownHighlighter} from './markdown-highlighter';
import type {MarkdownSanitizer} from './markdown-sanitizer';

/** Options of a `StreamingMarkdown` renderer. */
export interface StreamingMarkdownOptions {
  /**
   * Sanitizes the HTML of each block, and of each highlighted code block, before it enters the page. Default:
   * `createMarkdownSanitizer()` (DOMPurify; links get `target="_blank"` and `rel="noopener noreferrer"`). A sanitizer
   * of your own replaces it entirely, link hook included.
   */
  readonly sanitize?: MarkdownSanitizer;
  /**
   * Highlights each finished code block once; `false` leaves code plain. Default:
   * `createHighlightJsHighlighter()` (highlight.js, loaded with `import()` at the first code block).
   */
  readonly highlight?: MarkdownHighlighter | false;
  /**
   * Whether each code block is put in a box (`.llm-markdown-code`) with a header that shows its language and a copy
   * button. Default: true; with false, the final DOM is exactly what `marked` renders for the whole text.
   */
  readonly codeHeaders?: boolean;
}

/**
 * What the renderer did, counted rather than timed, so that specs and benchmarks can check that the work of an
 * update is bounded by the growing tail, not by the whole text.
 */
export interface StreamingMarkdownStats {
  /** Blocks rendered once and kept since the text began (blank lines between blocks do not count). */
  readonly committedBlocks: number;
  /** How many times the tail (the blocks after the committed ones) replaced its nodes. */
  readonly tailRenders: number;
  /** Characters the last `update()` or `finish()` lexed: the tail, plus the healed last block. */
  readonly lexedCharacters: number;
  /** Where the tail starts in the text: the length of the committed blocks. */
  readonly committedLength: number;
  /** Committed blocks rendered again because a reference link definition they use arrived after them. */
  readonly rerenderedBlocks: number;
}
