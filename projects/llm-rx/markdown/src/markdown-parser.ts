import {type Links, Marked, type Token, type TokensList} from 'marked';

/** The reference-style link definitions (`[label]: url "title"`) seen so far, by normalised label. */
export type MarkdownLinks = Links;

/**
 * `marked`'s lexer and parser on a private instance, so that no other code's `marked.use()` changes how answers
 * render, with the link definitions of earlier blocks passed in: a block lexed on its own still resolves `[text][1]`
 * against a `[1]: url` line lexed before it.
 */
export class MarkdownParser {
  readonly #marked = new Marked({gfm: true, breaks: false, async: false});

  /**
   * Lexes markdown into block tokens.
   * @param source The markdown.
   * @param links The link definitions known from earlier text; the list's own definitions are added to its `links`.
   * @returns The tokens, with `links` holding the known and the new definitions.
   */
  lex(source: string, links: MarkdownLinks = {}): TokensList {
    const lexer = new this.#marked.Lexer(this.#marked.defaults);
    Object.assign(lexer.tokens.links, links);
    return lexer.lex(source);
  }

  /**
   * Renders block tokens to HTML (not sanitized).
   * @param tokens Tokens from `lex()`.
   * @returns The HTML.
   */
  render(tokens: readonly Token[]): string {
    return this.#marked.parser(tokens as Token[]);
  }

  /**
   * Renders a whole markdown text at once, as `marked.parse()` does: what the streamed blocks add up to.
   * @param source The markdown.
   * @returns The HTML (not sanitized).
   */
  renderAll(source: string): string {
    return this.render(this.lex(source));
  }
}
