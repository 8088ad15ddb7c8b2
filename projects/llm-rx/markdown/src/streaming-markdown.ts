import type {Token, Tokens} from 'marked';
import {addCodeBlockHeaders, copyCodeOnClick} from './code-block-header';
import {countFinishedTokens, lengthOfTokens} from './finished-blocks';
import {healMarkdownBlock} from './heal-markdown';
import {highlightCodeBlocks} from './highlight-code-blocks';
import {createHighlightJsHighlighter, type MarkdownHighlighter} from './markdown-highlighter';
import {type MarkdownLinks, MarkdownParser} from './markdown-parser';
import {createMarkdownSanitizer, type MarkdownSanitizer} from './markdown-sanitizer';
import {mentionsLinkLabel} from './reference-labels';
import type {StreamingMarkdownOptions, StreamingMarkdownStats} from './streaming-markdown-options';

/** How many characters of the committed text are kept to recognise a text that no longer continues it. */
const ANCHOR_LENGTH = 64;

/** The class of the elements that hold the finished blocks, a few dozen each. */
export const BLOCK_GROUP_CLASS = 'llm-markdown-group';
/** How many nodes a group of finished blocks holds before the next group starts. */
const NODES_PER_GROUP = 128;

/** A finished block: its markdown, the group it is in and the nodes it rendered to, kept until the text is replaced. */
interface CommittedBlock {
  readonly raw: string;
  readonly group: HTMLElement;
  nodes: ChildNode[];
}

/**
 * Renders a streamed markdown answer into a container: finished blocks are rendered once and their DOM nodes kept
 * (a selection in an early paragraph survives streaming), and only the last, growing blocks are lexed and rendered
 * again at each update, so the cost of an update does not grow with the answer.
 *
 * A block is finished once a block follows it whose first line is complete; the last block is healed while it
 * grows (an unclosed `**`, `` ` ``, `_` or link renders formatted, a table renders before its delimiter row, an
 * unclosed fence renders as a code block). Each block is sanitized (DOMPurify by default; links open in a new tab
 * with `rel="noopener noreferrer"`) and each finished code block is highlighted once (highlight.js, loaded lazily).
 *
 * It needs a DOM: in a server-side render, render nothing, or pass a `sanitize` that works there.
 * @example
 * ```ts
 * const view = new StreamingMarkdown(document.querySelector('#answer')!);
 * llm.stream({userPrompt}).pipe(textSoFar()).subscribe({
 *   next: text => view.update(text),
 *   complete: () => view.finish(),
 * });
 * ```
 */
export class StreamingMarkdown {
  readonly #container: HTMLElement;
  readonly #parser = new MarkdownParser();
  readonly #sanitize: MarkdownSanitizer;
  readonly #highlight: MarkdownHighlighter | undefined;
  readonly #hasCodeHeaders: boolean;
  #blocks: CommittedBlock[] = [];
  #links: MarkdownLinks = {};
  #text = '';
  #tailNodes: ChildNode[] = [];
  /** The group finished blocks go into, until it is full. */
  #group: HTMLElement | undefined;
  #tailHtml = '';
  /** The highlights under way, chained so that only the last promise is kept. */
  #highlighting: Promise<void> = Promise.resolve();
  #stats: StreamingMarkdownStats = {
    committedBlocks: 0,
    tailRenders: 0,
    lexedCharacters: 0,
    committedLength: 0,
    rerenderedBlocks: 0,
  };

  /**
   * @param container The element to render into; the renderer owns its children.
   * @param options The sanitizer and highlighter, when not the defaults.
   */
  constructor(container: HTMLElement, options: StreamingMarkdownOptions = {}) {
    this.#container = container;
    this.#sanitize = options.sanitize ?? createMarkdownSanitizer(container.ownerDocument.defaultView ?? window);
    this.#highlight = options.highlight === false ? undefined : (options.highlight ?? createHighlightJsHighlighter());
    this.#hasCodeHeaders = options.codeHeaders ?? true;
  }

  /** What the renderer did so far, counted: see `StreamingMarkdownStats`. */
  get stats(): StreamingMarkdownStats {
    return this.#stats;
  }

  /**
   * Renders the text so far: blocks that became finished are rendered once and kept, the rest is rendered again,
   * healed. A text that does not continue the previous one (a new answer) starts over.
   * @param text The whole text so far (not a delta).
   */
  update(text: string): void {
    if (!this.#continues(text)) this.#clear();
    // The same listener twice is one listener: this only adds it again after destroy().
    if (this.#hasCodeHeaders) this.#container.addEventListener('click', copyCodeOnClick);
    this.#text = text;
    const tail = text.slice(this.#stats.committedLength);
    const tokens = this.#parser.lex(tail, this.#links);
    const finished = countFinishedTokens(tokens, tail);
    const finishedLength = lengthOfTokens(tokens, finished);
    let lexed = tail.length;
    if (finished > 0) this.#commit(tokens.slice(0, finished), finishedLength);
    const rest = tokens.slice(finished);
    let last = rest.length - 1;
    while (last >= 0 && rest[last].type === 'space') last--;
    // A growing fence already renders as a code block, and remend would close markers inside it.
    if (last !== -1 && rest[last].type !== 'code') {
      const healed = healMarkdownBlock(tail.slice(finishedLength + lengthOfTokens(rest, last)));
      lexed += healed.length;
      rest.splice(last, rest.length - last, ...this.#parser.lex(healed, tokens.links));
    }
    this.#renderTail(this.#parser.render(rest));
    this.#stats = {...this.#stats, lexedCharacters: lexed};
  }

  /**
   * The text is complete: the tail is rendered once more, without healing, its code blocks are highlighted and
   * its reference link definitions resolve the blocks before them. The result is what `marked` renders for the whole
   * text at once (but for the code blocks' header boxes, unless `codeHeaders` is false).
   */
  finish(): void {
    const tail = this.#text.slice(this.#stats.committedLength);
    const tokens = this.#parser.lex(tail, this.#links);
    this.#learnLinks(tokens.links);
    this.#renderTail(this.#parser.render(tokens));
    this.#stats = {...this.#stats, lexedCharacters: tail.length};
    this.#highlightNodes(this.#tailNodes);
  }

  /** Empties the container, forgets the blocks and stops listening to its copy buttons. */
  destroy(): void {
    this.#clear();
    this.#text = '';
    this.#container.removeEventListener('click', copyCodeOnClick);
  }

  /**
   * Resolves once the code blocks rendered so far are highlighted (or left plain): for specs and screenshots.
   * @returns A promise of the pending highlights.
   */
  highlighted(): Promise<void> {
    return this.#highlighting;
  }

  /** Whether the text continues the committed blocks: it is as long and ends the same where they end. */
  #continues(text: string): boolean {
    const committed = this.#stats.committedLength;
    const anchor = this.#text.slice(Math.max(0, committed - ANCHOR_LENGTH), committed);
    return text.length >= committed && text.startsWith(anchor, committed - anchor.length);
  }

  #clear(): void {
    this.#container.replaceChildren();
    this.#blocks = [];
    this.#links = {};
    this.#tailNodes = [];
    this.#group = undefined;
    this.#tailHtml = '';
    this.#highlighting = Promise.resolve();
    this.#stats = {committedBlocks: 0, tailRenders: 0, lexedCharacters: 0, committedLength: 0, rerenderedBlocks: 0};
  }

  /** Renders finished tokens once, before the tail, and moves the tail's start past them. */
  #commit(tokens: readonly Token[], length: number): void {
    const definitions: MarkdownLinks = {};
    for (const token of tokens) {
      if (token.type === 'def') definitions[(token as Tokens.Def).tag] = token as Tokens.Def;
      if (token.type === 'space' || token.type === 'def') continue;
      const group = this.#groupWithRoom();
      const nodes = this.#insert(this.#parser.render([token]), group, null);
      this.#blocks.push({raw: token.raw, group, nodes});
      this.#highlightNodes(nodes);
    }
    const blocks = tokens.filter(token => token.type !== 'space' && token.type !== 'def').length;
    this.#stats = {
      ...this.#stats,
      committedBlocks: this.#stats.committedBlocks + blocks,
      committedLength: this.#stats.committedLength + length,
    };
    this.#learnLinks(definitions);
  }

  /** Keeps new link definitions, and renders again the committed blocks that use them. */
  #learnLinks(links: MarkdownLinks): void {
    const labels = Object.keys(links).filter(label => !(label in this.#links));
    if (!labels.length) return;
    for (const label of labels) this.#links[label] = links[label];
    let rerendered = 0;
    for (const block of this.#blocks) {
      if (!labels.some(label => mentionsLinkLabel(block.raw, label))) continue;
      const html = this.#parser.render(this.#parser.lex(block.raw, this.#links));
      const next = block.nodes.at(-1)?.nextSibling ?? null;
      for (const node of block.nodes) node.remove();
      block.nodes = this.#insert(html, block.group, next);
      this.#highlightNodes(block.nodes);
      rerendered++;
    }
    this.#stats = {...this.#stats, rerenderedBlocks: this.#stats.rerenderedBlocks + rerendered};
  }

  #renderTail(html: string): void {
    if (html === this.#tailHtml) return;
    for (const node of this.#tailNodes) node.remove();
    this.#tailNodes = this.#insert(html, this.#container, null);
    this.#tailHtml = html;
    this.#stats = {...this.#stats, tailRenders: this.#stats.tailRenders + 1};
  }

  /**
   * The group the next finished block goes into: the last one, or a new one before the tail when it is full.
   * Finished blocks sit in groups of a few dozen, not side by side in the container, so that the layout after each
   * update walks a few dozen groups (each laid out again only if it changed) instead of every block of a long
   * answer: at 400 kB, that is the difference between a frame's layout growing with the answer and not.
   */
  #groupWithRoom(): HTMLElement {
    if (this.#group && this.#group.childNodes.length < NODES_PER_GROUP) return this.#group;
    this.#group = this.#container.ownerDocument.createElement('div');
    this.#group.className = BLOCK_GROUP_CLASS;
    this.#container.insertBefore(this.#group, this.#tailNodes[0] ?? null);
    return this.#group;
  }

  /** Sanitizes HTML and inserts its nodes into a parent, before a node (or at the end). */
  #insert(html: string, parent: Node, before: ChildNode | null): ChildNode[] {
    const template = this.#container.ownerDocument.createElement('template');
    template.innerHTML = this.#sanitize(html);
    if (this.#hasCodeHeaders) addCodeBlockHeaders(template.content);
    // Code blocks and tables scroll sideways in their own box (the page never does): a keyboard user must be able
    // to reach and scroll them, so each is a tab stop (WCAG 2.1.1; axe's `scrollable-region-focusable`).
    for (const box of template.content.querySelectorAll<HTMLElement>('pre, table')) box.tabIndex = 0;
    const nodes = [...template.content.childNodes];
    parent.insertBefore(template.content, before);
    return nodes;
  }

  #highlightNodes(nodes: readonly ChildNode[]): void {
    if (!this.#highlight) return;
    const highlighting = highlightCodeBlocks(nodes, this.#container, this.#highlight, this.#sanitize);
    this.#highlighting = Promise.all([this.#highlighting, highlighting]).then(() => undefined);
  }
}
