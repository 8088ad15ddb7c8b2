import remend from 'remend';
import {healEdges} from './heal-edges';
import {healTable} from './heal-table';

/**
 * Heals the unfinished syntax of the last, growing block so that it renders as it will once finished: markers with
 * no text after them yet are held back and a link text waiting for its url becomes a link (`healEdges()`), an
 * unclosed `**`, `_`, `` ` ``, `~~` or link is closed (`remend`), then a table's missing delimiter row is added
 * (`healTable()`), so nothing flickers between raw and formatted text while the answer streams.
 *
 * Give it one block, never a code block: `remend` treats markers inside a fence that spans blocks as text to
 * close, and a growing fence already renders as a code block.
 * @param block The last block's markdown.
 * @returns The healed markdown, to render in its place (never to keep).
 */
export function healMarkdownBlock(block: string): string {
  return healTable(remend(healEdges(block)));
}
