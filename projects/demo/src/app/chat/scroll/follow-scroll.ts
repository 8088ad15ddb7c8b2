/** Where a scrolled view is: its scroll offset, its visible height and its content's height. */
export interface ScrollPosition {
  readonly top: number;
  readonly viewportHeight: number;
  readonly contentHeight: number;
}

/** How close to the bottom still counts as at the bottom, in CSS pixels (sub-pixel rounding, a last line). */
export const AT_BOTTOM_TOLERANCE = 32;

/**
 * Whether a view is scrolled to (or nearly to) its bottom.
 * @param position Where it is.
 * @returns Whether it is at the bottom.
 */
export function isAtBottom(position: ScrollPosition): boolean {
  return position.contentHeight - position.top - position.viewportHeight <= AT_BOTTOM_TOLERANCE;
}

/**
 * Whether the view should go on following a streaming answer after a scroll: it stops as soon as the user scrolls
 * up (even a little, still within the tolerance), and follows again once they are back at the bottom. A view pulled
 * up because its content got shorter (a button went away) stays flush at the bottom: that is not the user.
 * @param isFollowing Whether it followed before the scroll.
 * @param previousTop The scroll offset before the scroll.
 * @param position Where the view is now.
 * @returns Whether to follow.
 */
export function followsAfterScroll(isFollowing: boolean, previousTop: number, position: ScrollPosition): boolean {
  const isFlushAtBottom = position.contentHeight - position.top - position.viewportHeight <= 1;
  if (position.top < previousTop - 1 && !isFlushAtBottom) return false;
  return isFollowing || isAtBottom(position);
}
