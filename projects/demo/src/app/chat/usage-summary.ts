import {ChangeDetectionStrategy, Component, computed, input} from '@angular/core';
import type {LlmUsage} from 'llm-rx';
import {formatCost, formatCount, formatDuration} from '../common/format';
import {FailedAttemptsList} from './failed-attempts-list';
import {messageStatsOf} from './messages/message-stats';

/**
 * Under an answer: timings, tokens, cost, finish reason, and which attempt of a cascade answered. For a tool loop,
 * these are the whole loop's (tokens and cost summed over its steps), with the number of steps (model calls).
 */
@Component({
  selector: 'app-usage-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FailedAttemptsList],
  template: `
    @let current = usage();
    <dl data-testid="usage">
      <div>
        <dt>First chunk</dt>
        <dd data-testid="usage-ttfc">{{ duration(current.timeToFirstChunkMs) }}</dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd>{{ duration(current.responseTimeMs) }}</dd>
      </div>
      <div>
        <dt>Tokens in / out</dt>
        <dd data-testid="usage-tokens">{{ count(current.inputTokens) }} / {{ count(current.outputTokens) }}</dd>
      </div>
      <div>
        <dt>Cached / reasoning</dt>
        <dd>{{ count(current.cachedInputTokens) }} / {{ count(current.reasoningTokens) }}</dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd data-testid="usage-cost">{{ cost(current.totalCost) }}</dd>
      </div>
      <div>
        <dt>Finish</dt>
        <dd data-testid="usage-finish">
          {{ current.finishReason.unified }}
          @if (current.finishReason.raw && current.finishReason.raw !== current.finishReason.unified) {
            <small>({{ current.finishReason.raw }})</small>
          }
        </dd>
      </div>
      @if (current.steps; as steps) {
        <div>
          <dt>Steps</dt>
          <dd data-testid="usage-steps">{{ steps.length }}</dd>
        </div>
      }
      <div>
        <dt>Answered by</dt>
        <dd data-testid="usage-answered-by">
          {{ current.provider }} / {{ current.model }}
          @if (lastAttempts() > 1) {
            — attempt {{ lastAttempts() }} of {{ lastAttempts() }}
          }
        </dd>
      </div>
    </dl>
    <app-failed-attempts-list [attempts]="failedAttempts()" />
  `,
  styles: `
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem 1.2rem;
      margin: 0;
      font-size: 0.85rem;
    }
    dt {
      color: var(--muted);
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class UsageSummary {
  /** The call's usage summary. */
  readonly usage = input.required<LlmUsage>();

  /** The model calls: the loop's steps, or the one call. */
  private readonly _calls = computed(() => this.usage().steps ?? [this.usage()]);
  /** How many attempts the last call took (retries and cascade children). */
  protected readonly lastAttempts = computed(() => this._calls().at(-1)!.attempts.length);
  /** The attempts before the answering one of each call, with why each failed. */
  protected readonly failedAttempts = computed(() => messageStatsOf(this.usage()).failedAttempts);

  protected duration(milliseconds: number | null | undefined): string {
    return formatDuration(milliseconds ?? null);
  }

  protected count(value: number): string {
    return formatCount(value);
  }

  protected cost(value: number | null): string {
    return formatCost(value);
  }
}
