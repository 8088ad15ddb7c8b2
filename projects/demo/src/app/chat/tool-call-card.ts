import {ChangeDetectionStrategy, Component, computed, input} from '@angular/core';
import type {LlmStreamStatus, LlmToolCallState, LlmToolCallStatus} from 'llm-rx/angular';

/** What a card shows of a call: its own status, or `stopped` for one the answer's end left unfinished. */
type CardStatus = LlmToolCallStatus | 'stopped';

const STATUS_LABELS: Readonly<Record<CardStatus, string>> = {
  'streaming-arguments': 'Writing the arguments…',
  ready: 'Ready, for the app to run',
  running: 'Running…',
  done: 'Done',
  error: 'Failed; the model was told why',
  stopped: 'Stopped before it finished',
};

/**
 * One tool call of an answer, as a card: the tool, its arguments as the model writes them (they stream in), where
 * the call is, and the tool's result or error.
 */
@Component({
  selector: 'app-tool-call-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = call();
    <article
      class="card"
      data-testid="tool-call"
      [attr.data-tool]="current.toolName"
      [attr.data-tool-status]="status()"
    >
      <header>
        <span class="name" data-testid="tool-call-name">{{ current.toolName }}</span>
        <span class="step">step {{ current.step + 1 }}</span>
        <span class="status" data-testid="tool-call-status">{{ label() }}</span>
      </header>
      <pre class="arguments" data-testid="tool-call-arguments" [class.writing]="status() === 'streaming-arguments'">{{
        current.argumentsText
      }}</pre>
      @if (current.issues?.length) {
        <ul class="issues" data-testid="tool-call-issues">
          @for (issue of current.issues; track $index) {
            <li>{{ issue.path.join('.') || 'arguments' }}: {{ issue.message }}</li>
          }
        </ul>
      }
      @if (result(); as shown) {
        <p class="result" data-testid="tool-call-result">→ {{ shown }}</p>
      }
    </article>
  `,
  styles: `
    .card {
      border: 1px solid var(--border);
      border-left: 4px solid var(--accent);
      border-radius: 6px;
      background: var(--surface-2);
      padding: 0.4rem 0.6rem;
      margin: 0.5rem 0;
      font-size: 0.9rem;
    }
    .card[data-tool-status='error'],
    .card[data-tool-status='stopped'] {
      border-left-color: var(--danger);
    }
    .card[data-tool-status='done'] {
      border-left-color: var(--success);
    }
    header {
      display: flex;
      gap: 0.6rem;
      align-items: baseline;
    }
    .name {
      font-family: ui-monospace, monospace;
      font-weight: 600;
    }
    .step,
    .status {
      color: var(--muted);
      font-size: 0.8rem;
    }
    .arguments {
      margin: 0.3rem 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font-size: 0.8rem;
    }
    .writing::after {
      content: '▍';
      color: var(--muted);
    }
    .result {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .issues {
      margin: 0.2rem 0;
      color: var(--warning);
    }
  `,
})
export class ToolCallCard {
  /** The call. */
  readonly call = input.required<LlmToolCallState>();
  /** Where the answer is: a call it left unfinished (cancelled, failed) shows as stopped. */
  readonly answerStatus = input.required<LlmStreamStatus>();

  protected readonly status = computed((): CardStatus => {
    const {status} = this.call();
    const unfinished = status === 'streaming-arguments' || status === 'running';
    return unfinished && this.answerStatus() !== 'streaming' ? 'stopped' : status;
  });
  protected readonly label = computed(() => STATUS_LABELS[this.status()]);
  /** The result as text: a string as it is, an error's message, anything else as JSON. */
  protected readonly result = computed(() => {
    const {status, result} = this.call();
    if (status !== 'done' && status !== 'error') return undefined;
    if (typeof result === 'string') return result;
    const message = (result as {error?: unknown} | null)?.error;
    return typeof message === 'string' ? message : JSON.stringify(result);
  });
}
