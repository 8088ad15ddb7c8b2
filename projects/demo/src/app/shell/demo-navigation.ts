import {DOCUMENT} from '@angular/common';
import {DestroyRef, inject, Injectable, signal} from '@angular/core';
import {type DemoPage, pageOfPath, pathOfPage, withQueryParam} from './demo-pages';

/**
 * The page shown, from the URL path, kept in step with the browser's history, and the few query parameters a page
 * reads (the dashboard's `?call=`). A few pages need no router (`@angular/router` is not a dependency of the
 * workspace).
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
   * @param query Query parameters for the page, e.g. `{call: id}` for the dashboard.
   */
  navigate(page: DemoPage, query: Readonly<Record<string, string>> = {}): void {
    const search = Object.entries(query).reduce((current, [name, value]) => withQueryParam(current, name, value), '');
    if (page === this._page() && search === (this._location?.search ?? '')) return;
    this._history?.pushState(null, '', pathOfPage(page) + search);
    this._page.set(page);
  }

  /**
   * A query parameter of the current URL.
   * @param name The parameter.
   * @returns Its value, or `null`.
   */
  queryParam(name: string): string | null {
    return new URLSearchParams(this._location?.search ?? '').get(name);
  }

  /**
   * Sets or removes a query parameter in place (`history.replaceState`), so that the URL links to what is shown
   * without adding a history entry.
   * @param name The parameter.
   * @param value Its value, or `undefined` to remove it.
   */
  replaceQueryParam(name: string, value: string | undefined): void {
    if (!this._location) return;
    const search = withQueryParam(this._location.search, name, value);
    this._history?.replaceState(this._history.state, '', this._location.pathname + search + this._location.hash);
  }
}
