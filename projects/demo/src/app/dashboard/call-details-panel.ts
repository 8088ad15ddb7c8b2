import {A11yModule} from '@angular/cdk/a11y';
import {ChangeDetectionStrategy, Component, input, output} from '@angular/core';
import type {LlmCallDetails} from 'llm-rx/logging';
import {CallDetailsView} from './call-details-view';

/**
 * A call's details in a side panel over the page, in view wherever the row was: focus moves in (CDK focus trap with
 * auto-capture) and back to the row on close; Escape, the backdrop and the Close button close it.
 */
@Component({
  selector: 'app-call-details-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [A11yModule, CallDetailsView],
  template: `
    <div class="backdrop" aria-hidden="true" (click)="closed.emit()"></div>
    <aside
      class="panel"
      role="dialog"
      aria-modal="true"
      aria-labelledby="call-details-title"
      data-testid="call-details-panel"
      cdkTrapFocus
      [cdkTrapFocusAutoCapture]="true"
      (keydown.escape)="closed.emit()"
    >
      <header class="bar">
        <h2 id="call-details-title" tabindex="-1" cdkFocusInitial>Call details</h2>
        <button type="button" class="button" data-testid="call-details-close" (click)="closed.emit()">Close</button>
      </header>
      @if (details(); as current) {
        <app-call-details-view [details]="current" />
      } @else {
        <p class="missing" data-testid="call-details-missing">Loading, or no such call in the log.</p>
      }
    </aside>
  `,
  styles: `
    .backdrop {
      position: fixed;
      inset: 0;
      z-index: 20;
      background: rgb(0 0 0 / 35%);
    }
    .panel {
      position: fixed;
      top: 0;
      right: 0;
      bottom: 0;
      z-index: 21;
      width: min(40rem, 100%);
      overflow-y: auto;
      overscroll-behavior: contain;
      padding: 0 var(--space-4) var(--space-4);
      background: var(--surface);
      border-left: 1px solid var(--border);
      box-shadow: var(--shadow);
    }
    .bar {
      position: sticky;
      top: 0;
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: var(--space-2);
      padding: var(--space-3) 0;
      background: var(--surface);
      border-bottom: 1px solid var(--border);
      margin-bottom: var(--space-3);
    }
    h2 {
      margin: 0;
    }
    h2:focus {
      outline: none;
    }
    .missing {
      color: var(--muted);
    }
  `,
})
export class CallDetailsPanel {
  /** The call, or `undefined` while it loads or when the log has no such row. */
  readonly details = input.required<LlmCallDetails | undefined>();
  /** Emits when the user closes the panel. */
  readonly closed = output<void>();
}
