/** Emphasis, strike-through or code markers at the very end, with nothing after them yet: `Some **`. */
const TRAILING_MARKERS = /(^|\s)[*_~`]+$/;
/** A link text closed at the very end, before its `(url)` arrives: `[a link]` (not a task box `[ ]`, `[x]`). */
const TRAILING_LINK_TEXT = /(^|[^\]!\\])\[([^[\]]*[^[\]\sxX][^[\]]*|[^[\]]{2,})\]$/;

/**
 * Heals what `remend` leaves at the growing edge of a block: markers that open emphasis, strike-through or code
 * but have no text after them yet are held back (`Some **` renders `Some `, not two stars that turn bold a moment
 * later), and a link text whose `(url)` has not arrived renders as a link already (`remend` does so once the `(`
 * has come).
 * @param block The last block's markdown.
 * @returns The block with its edge healed.
 */
export function healEdges(block: string): string {
  // The checks of the last character keep the regular expressions off a long block that cannot match.
  const withoutMarkers = '*_~`'.includes(block.at(-1) ?? '') ? block.replace(TRAILING_MARKERS, '$1') : block;
  return withoutMarkers.endsWith(']')
    ? withoutMarkers.replace(TRAILING_LINK_TEXT, '$1[$2](streamdown:incomplete-link)')
    : withoutMarkers;
}
