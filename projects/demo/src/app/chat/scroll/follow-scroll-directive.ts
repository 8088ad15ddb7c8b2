import {afterNextRender, DestroyRef, Directive, ElementRef, inject, signal} from '@angular/core';
import {followsAfterScroll, type ScrollPosition} from './follow-scroll';

/**
 * Keeps the page scrolled to the bottom of the element it is on while the element grows (a streaming answer), as
 * long as the user stays at the bottom: scrolling up pauses it at once, `jumpToLatest()` (or scrolling back down
 * to the bottom) resumes it. The chat scrolls the page itself (its header and composer are sticky), so it reads the
 * window's scroll position.
 */
@Directive({selector: '[appFollowScroll]', exportAs: 'followScroll'})
export class FollowScrollDirective {
  private readonly _element: HTMLElement = inject(ElementRef).nativeElement;
  private readonly _isFollowing = signal(true);
  private _lastTop = 0;

  /** Whether the page follows the element's growth; false after the user scrolled up. */
  readonly isFollowing = this._isFollowing.asReadonly();

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const onScroll = () => {
        const position = this._position();
        this._isFollowing.set(followsAfterScroll(this._isFollowing(), this._lastTop, position));
        this._lastTop = position.top;
      };
      const resizes = new ResizeObserver(() => {
        if (this._isFollowing()) this._toBottom();
      });
      resizes.observe(this._element);
      addEventListener('scroll', onScroll, {passive: true});
      destroyRef.onDestroy(() => {
        resizes.disconnect();
        removeEventListener('scroll', onScroll);
      });
    });
  }

  /** Scrolls to the bottom and follows again. */
  jumpToLatest(): void {
    this._isFollowing.set(true);
    this._toBottom();
  }

  private _toBottom(): void {
    const root = document.documentElement;
    scrollTo({top: root.scrollHeight, behavior: 'instant'});
    this._lastTop = this._position().top;
  }

  private _position(): ScrollPosition {
    const root = document.documentElement;
    return {top: root.scrollTop, viewportHeight: innerHeight, contentHeight: root.scrollHeight};
  }
}
