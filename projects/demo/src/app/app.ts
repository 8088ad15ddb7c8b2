import {ChangeDetectionStrategy, Component, inject} from '@angular/core';
import {ChatPage} from './chat/chat-page';
import {DashboardPage} from './dashboard/dashboard-page';
import {ExtractPage} from './extract/extract-page';
import {SettingsPage} from './settings/settings-page';
import {DEMO_PAGES, type DemoPage} from './shell/demo-pages';
import {DemoNavigation} from './shell/demo-navigation';

/**
 * The demo's shell: the navigation and the current page; Extract (with zod), the dashboard and settings load on
 * first visit.
 */
@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChatPage, DashboardPage, ExtractPage, SettingsPage],
  template: `
    <header>
      <strong class="brand">llm-rx demo</strong>
      <nav>
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
    </header>
    <main>
      @switch (navigation.page()) {
        @case ('chat') {
          <app-chat-page />
        }
        @case ('extract') {
          @defer (on immediate) {
            <app-extract-page />
          }
        }
        @case ('dashboard') {
          @defer (on immediate) {
            <app-dashboard-page />
          }
        }
        @case ('settings') {
          @defer (on immediate) {
            <app-settings-page />
          }
        }
      }
    </main>
  `,
  styles: `
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem 2rem;
      align-items: center;
      padding: 0.6rem 1rem;
      background: #1d1d1f;
      color: #fff;
    }
    nav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem 1rem;
    }
    a {
      color: #ccc;
      text-decoration: none;
    }
    a[aria-current='page'] {
      color: #fff;
      text-decoration: underline;
    }
    main {
      max-width: 64rem;
      margin: 1.5rem auto;
      padding: 0 1rem;
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
