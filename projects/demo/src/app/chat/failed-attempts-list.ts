import {ChangeDetectionStrategy, Component, input} from '@angular/core';
import {formatDuration} from '../common/format';
import type {ChatFailedAttempt} from './conversations/chat-message';

/** The attempts that failed before the answering one (retries, cascade steps), each with why. */
@Component({
  selector: 'app-failed-attempts-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (attempts().length) {
      <ul class="attempts" data-testid="usage-failed-attempts">
        @for (attempt of attempts(); track $index) {
          <li>
            Attempt {{ $index + 1 }}: {{ attempt.provider }} / {{ attempt.model }} failed after
            {{ duration(attempt.durationMs) }} — {{ attempt.reason }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .attempts {
      font-size: 0.85rem;
      color: var(--warning);
      margin: 0.4rem 0 0;
    }
  `,
})
export class FailedAttemptsList {
  /** The failed attempts, described (`messageStatsOf()` gives them). */
  readonly attempts = input.required<readonly ChatFailedAttempt[]>();

  protected duration(milliseconds: number | null): string {
    return formatDuration(milliseconds);
  }
}
