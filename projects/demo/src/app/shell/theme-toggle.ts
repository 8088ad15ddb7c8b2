import {ChangeDetectionStrategy, Component, inject} from '@angular/core';
import {THEME_CHOICES, type ThemeChoice} from './theme-choice';
import {ThemePreference} from './theme-preference';

const LABELS: Record<ThemeChoice, string> = {light: 'Light', dark: 'Dark', system: 'System'};
const ICONS: Record<ThemeChoice, string> = {light: '☀', dark: '☾', system: '◐'};

/** Three pressed-or-not buttons: light, dark, or the system's theme. */
@Component({
  selector: 'app-theme-toggle',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="toggle" role="group" aria-label="Theme">
      @for (choice of choices; track choice) {
        <button
          type="button"
          class="icon-button"
          [attr.data-testid]="'theme-' + choice"
          [attr.aria-pressed]="preference.choice() === choice"
          [attr.aria-label]="labels[choice] + ' theme'"
          [title]="labels[choice] + ' theme'"
          (click)="preference.choose(choice)"
        >
          <span aria-hidden="true">{{ icons[choice] }}</span>
        </button>
      }
    </div>
  `,
  styles: `
    .toggle {
      display: inline-flex;
      padding: 2px;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--bg);
    }
    .icon-button {
      min-width: 2rem;
      min-height: 2rem;
      color: var(--muted);
    }
    .icon-button[aria-pressed='true'] {
      background: var(--surface-2);
      color: var(--text);
    }
  `,
})
export class ThemeToggle {
  protected readonly preference = inject(ThemePreference);
  protected readonly choices = THEME_CHOICES;
  protected readonly labels = LABELS;
  protected readonly icons = ICONS;
}
