import {ChangeDetectionStrategy, Component, computed, input} from '@angular/core';

/**
 * The model's reasoning, in a collapsible block: open while it streams, collapsed when the answer ends ("Thought for
 * N s"); the user may open or close it at any time.
 */
@Component({
  selector: 'app-reasoning-block',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details data-testid="answer-reasoning" [open]="streaming()">
      <summary data-testid="reasoning-summary">{{ summary() }}</summary>
      <p>{{ reasoning() }}</p>
    </details>
  `,
  styles: `
    details {
      color: var(--muted);
      font-size: 0.9rem;
      border-left: 2px solid var(--border);
      padding-left: 0.75rem;
      margin-bottom: 0.5rem;
    }
    summary {
      cursor: pointer;
    }
    p {
      white-space: pre-wrap;
      margin: 0.35rem 0 0;
    }
  `,
})
export class ReasoningBlock {
  readonly reasoning = input.required<string>();
  /** Whether the reasoning still streams (the block stays open). */
  readonly streaming = input(false);
  /** How long the model reasoned, once known. */
  readonly thoughtMs = input<number | null>(null);

  protected readonly summary = computed(() => {
    if (this.streaming()) return 'Thinking…';
    const thoughtMs = this.thoughtMs();
    return thoughtMs === null ? 'Reasoning' : `Thought for ${Math.max(1, Math.round(thoughtMs / 1000))} s`;
  });
}
