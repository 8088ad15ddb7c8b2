import type {Token} from 'marked';

/**
 * How many leading tokens of a lexed text are finished: no text appended later can change how they render.
 *
 * A block is finished once another block follows it whose first line is complete (ends with a newline). Lines
 * are what markdown decides blocks by, and a complete line's kind is settled, so such a line either continues the
 * block before it (then the lexer would not have split them) or ends it for good. A half-written next line is not
 * enough: `Para\n***` lexes as a paragraph and a rule, but `Para\n***bold***` is one paragraph; `1. a\n\n2` is a
 * list and a paragraph, but `1. a\n\n2. b` is one loose list. Hence lists whose items are apart, tables, fences and
 * indented code that go on across a blank line stay unfinished until a line at their own level says otherwise.
 * The blank lines (`space` tokens) between finished blocks count as finished. When the tokens' raw text is not the
 * source's (the lexer turns `\r\n` into `\n`), nothing counts as finished: the text is then rendered whole.
 * @param tokens The block tokens of `source`, as the lexer made them.
 * @param source The text they were lexed from.
 * @returns The number of tokens, from the start, that may be rendered once and kept.
 */
export function countFinishedTokens(tokens: readonly Token[], source: string): number {
  const blockIndexes = tokens.flatMap((token, index) => (token.type === 'space' ? [] : [index]));
  const last = blockIndexes.at(-1);
  if (last === undefined) return 0;
  const lastStart = startOf(tokens, last);
  // Only a block's last line can be incomplete; a block followed by another ends with a newline.
  const count = source.indexOf('\n', lastStart) !== -1 ? last : (blockIndexes.at(-2) ?? 0);
  const raw = tokens
    .slice(0, count)
    .map(token => token.raw)
    .join('');
  return source.startsWith(raw) ? count : 0;
}

/**
 * The number of characters the first `count` tokens span.
 * @param tokens Block tokens.
 * @param count How many of them, from the start.
 * @returns The length of their raw text.
 */
export function lengthOfTokens(tokens: readonly Token[], count: number): number {
  return startOf(tokens, count);
}

function startOf(tokens: readonly Token[], index: number): number {
  let start = 0;
  for (let i = 0; i < index; i++) start += tokens[i].raw.length;
  return start;
}
