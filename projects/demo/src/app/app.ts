import {ChangeDetectionStrategy, Component, inject} from '@angular/core';
import {ChatPage} from './chat/chat-page';
import {DashboardPage} from './dashboard/dashboard-page';
import {ExtractPage} from './extract/extract-page';
import {SettingsPage} from './settings/settings-page';
import {TelemetryPage} from './telemetry/telemetry-page';
import {DEMO_PAGES, type DemoPage} from './shell/demo-pages';
import {DemoNavigation} from './shell/demo-navigation';
import {ThemeToggle} from './shell/theme-toggle';

/**
 * The demo's shell: a header (brand, navigation, theme) and a `main` that fills the rest of the viewport as a
 * flex column, so that a page can pin something to its bottom (the chat's composer); the other pages sit in a
 * centred column. Extract (with zod), the dashboard, telemetry and settings load on first visit.
 */
@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChatPage, DashboardPage, ExtractPage, SettingsPage, TelemetryPage, ThemeToggle],
  template: `
    <a class="skip" href="#main">Skip to content</a>
    <header class="header">
      <a class="brand" href="/" (click)="go($event, 'chat')">llm-rx <span>demo</span></a>
      <nav aria-label="Pages">
        @for (entry of pages; track entry.page) {
          <a
            [href]="entry.path"
            [attr.data-testid]="'nav-' + entry.page"
            [attr.aria-current]="navigation.page() === entry.page ? 'page' : null"
            (click)="go($event, entry.page)"
            >{{ entry.label }}</a
          >
        }
      </nav>
      <app-theme-toggle class="theme" />
    </header>
    <main id="main" tabindex="-1" [attr.data-page]="navigation.page()">
      @switch (navigation.page()) {
        @case ('chat') {
          <app-chat-page />
        }
        @case ('extract') {
          @defer (on immediate) {
            <div class="column"><app-extract-page /></div>
          }
        }
        @case ('dashboard') {
          @defer (on immediate) {
            <div class="column"><app-dashboard-page /></div>
          }
        }
        @case ('telemetry') {
          @defer (on immediate) {
            <div class="column"><app-telemetry-page /></div>
          }
        }
        @case ('settings') {
          @defer (on immediate) {
            <div class="column narrow"><app-settings-page /></div>
          }
        }
      }
    </main>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100dvh;
    }
    .skip {
      position: absolute;
      left: var(--space-2);
      top: -3rem;
      z-index: 10;
      padding: var(--space-2) var(--space-3);
      background: var(--surface);
      border-radius: var(--radius-small);
    }
    .skip:focus {
      top: var(--space-2);
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2) var(--space-6);
      min-height: var(--header-height);
      padding: var(--space-2) var(--space-4);
      background: var(--surface);
      border-bottom: 1px solid var(--border);
    }
    .brand {
      font-weight: 700;
      color: var(--text);
      text-decoration: none;
    }
    .brand span {
      font-weight: 400;
      color: var(--muted);
    }
    nav {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-1);
    }
    nav a {
      padding: 0.3rem 0.65rem;
      border-radius: var(--radius-small);
      color: var(--muted);
      text-decoration: none;
      font-weight: 500;
    }
    nav a:hover {
      background: var(--surface-2);
      color: var(--text);
    }
    nav a[aria-current='page'] {
      background: var(--surface-2);
      color: var(--text);
      box-shadow: inset 0 -2px 0 var(--accent);
    }
    .theme {
      margin-left: auto;
    }
    main {
      flex: 1;
      display: flex;
      flex-direction: column;
      min-height: 0;
      min-width: 0;
    }
    main:focus {
      outline: none;
    }
    .column {
      width: 100%;
      max-width: 76rem;
      margin-inline: auto;
      padding: var(--space-6) var(--space-4);
    }
    .narrow {
      max-width: 48rem;
    }
    /* On a phone: brand and theme on the first row, the navigation as a full-width row below. */
    @media (max-width: 40rem) {
      .header {
        gap: var(--space-2);
        padding: var(--space-2) var(--space-3);
      }
      nav {
        order: 3;
        flex-basis: 100%;
        justify-content: space-between;
      }
      .column {
        padding: var(--space-4) var(--space-3);
      }
    }
  `,
})
export class App {
  protected readonly navigation = inject(DemoNavigation);
  protected readonly pages = DEMO_PAGES;

  protected go(event: MouseEvent, page: DemoPage): void {
    // Modified clicks open a new tab as links do.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    this.navigation.navigate(page);
  }
}
