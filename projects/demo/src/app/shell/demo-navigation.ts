import {DOCUMENT} from '@angular/common';
import {DestroyRef, inject, Injectable, signal} from '@angular/core';
import {type DemoPage, pageOfPath, pathOfPage} from './demo-pages';

/**
 * The page shown, from the URL path, kept in step with the browser's history. A few pages need no router
 * (`@angular/router` is not a dependency of the workspace).
 */
@Injectable({providedIn: 'root'})
export class DemoNavigation {
  private readonly _location = inject(DOCUMENT).defaultView?.location;
  private readonly _history = inject(DOCUMENT).defaultView?.history;
  private readonly _page = signal<DemoPage>(pageOfPath(this._location?.pathname ?? '/'));

  /** The page to show. */
  readonly page = this._page.asReadonly();

  constructor() {
    const window = inject(DOCUMENT).defaultView;
    const onPopState = () => this._page.set(pageOfPath(window?.location.pathname ?? '/'));
    window?.addEventListener('popstate', onPopState);
    inject(DestroyRef).onDestroy(() => window?.removeEventListener('popstate', onPopState));
  }

  /**
   * Shows a page and adds it to the history.
   * @param page The page.
   */
  navigate(page: DemoPage): void {
    if (page === this._page()) return;
    this._history?.pushState(null, '', pathOfPage(page));
    this._page.set(page);
  }
}
