import {ChangeDetectionStrategy, Component, input} from '@angular/core';
import {formatCost, formatCount, formatDuration} from '../../common/format';
import type {ChatMessageStats} from '../conversations/chat-message';
import {FailedAttemptsList} from '../failed-attempts-list';

/**
 * Under an answer: who answered (and which attempt, and why the attempts before it failed), time to first chunk,
 * tokens, cost, finish reason, and a link to its row on the dashboard.
 */
@Component({
  selector: 'app-message-footer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FailedAttemptsList],
  template: `
    @let current = stats();
    <dl data-testid="usage">
      <div>
        <dt class="visually-hidden">Answered by</dt>
        <dd data-testid="usage-answered-by">
          {{ current.provider }} / {{ current.model }}
          @if (current.attemptCount > 1) {
            — attempt {{ current.attemptCount }} of {{ current.attemptCount }}
          }
        </dd>
      </div>
      <div>
        <dt>First chunk</dt>
        <dd data-testid="usage-ttfc">{{ duration(current.timeToFirstChunkMs) }}</dd>
      </div>
      <div>
        <dt>Tokens in / out</dt>
        <dd data-testid="usage-tokens">{{ count(current.inputTokens) }} / {{ count(current.outputTokens) }}</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd data-testid="usage-cost">{{ cost(current.totalCost) }}</dd>
      </div>
      <div>
        <dt>Finish</dt>
        <dd data-testid="usage-finish">
          {{ current.finishReason }}
          @if (current.finishReasonRaw && current.finishReasonRaw !== current.finishReason) {
            <small>({{ current.finishReasonRaw }})</small>
          }
        </dd>
      </div>
      @if (current.steps !== null) {
        <div>
          <dt>Steps</dt>
          <dd data-testid="usage-steps">{{ current.steps }}</dd>
        </div>
      }
      @if (callRowId(); as id) {
        <div>
          <dt class="visually-hidden">Log</dt>
          <dd>
            <a data-testid="call-link" [href]="'/dashboard?call=' + id">View in the log</a>
          </dd>
        </div>
      }
    </dl>
    <app-failed-attempts-list [attempts]="current.failedAttempts" />
  `,
  styles: `
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 1rem;
      margin: 0;
      font-size: 0.8rem;
      color: var(--muted);
    }
    dl > div {
      display: flex;
      gap: 0.3rem;
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
      color: var(--text);
    }
    a {
      color: var(--accent);
    }
  `,
})
export class MessageFooter {
  readonly stats = input.required<ChatMessageStats>();
  /** The answer's row in the call log, once found. */
  readonly callRowId = input<string | null>(null);

  protected duration(milliseconds: number | null): string {
    return formatDuration(milliseconds);
  }

  protected count(value: number): string {
    return formatCount(value);
  }

  protected cost(value: number | null): string {
    return formatCost(value);
  }
}
