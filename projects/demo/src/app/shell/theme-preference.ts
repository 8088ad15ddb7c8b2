import {DOCUMENT} from '@angular/common';
import {computed, DestroyRef, inject, Injectable, signal} from '@angular/core';
import {parseThemeChoice, resolveTheme, THEME_STORAGE_KEY, type ThemeChoice} from './theme-choice';

/**
 * The user's theme: kept in `localStorage`, applied as `html[data-theme]` (absent for `system`, so that the CSS
 * follows `prefers-color-scheme`), and the theme shown, for what CSS cannot reach (chart colours on a canvas).
 */
@Injectable({providedIn: 'root'})
export class ThemePreference {
  private readonly _document = inject(DOCUMENT);
  private readonly _window = this._document.defaultView;
  private readonly _choice = signal<ThemeChoice>(parseThemeChoice(this._read()));
  private readonly _prefersDark = signal(false);

  /** What the user picked. */
  readonly choice = this._choice.asReadonly();
  /** What the page shows. */
  readonly theme = computed(() => resolveTheme(this._choice(), this._prefersDark()));

  constructor() {
    const query = this._window?.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    this._prefersDark.set(query.matches);
    const onChange = (event: MediaQueryListEvent) => this._prefersDark.set(event.matches);
    query.addEventListener('change', onChange);
    inject(DestroyRef).onDestroy(() => query.removeEventListener('change', onChange));
  }

  /**
   * Picks a theme, remembers it and applies it at once.
   * @param choice The choice.
   */
  choose(choice: ThemeChoice): void {
    this._choice.set(choice);
    const root = this._document.documentElement;
    if (choice === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = choice;
    try {
      if (choice === 'system') this._window?.localStorage.removeItem(THEME_STORAGE_KEY);
      else this._window?.localStorage.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // Storage may be disabled (private mode, policies): the choice then lasts until reload.
    }
  }

  private _read(): string | null {
    try {
      return this._window?.localStorage.getItem(THEME_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }
}
