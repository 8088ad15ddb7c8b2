import {ChangeDetectionStrategy, Component, computed, input} from '@angular/core';
import {LlmTruncationError, type LlmUsage} from 'llm-rx';
import type {LlmStreamStatus} from 'llm-rx/angular';
import {renderMarkdown} from '../common/render-markdown';
import {describeLlmError} from './describe-llm-error';
import {UsageSummary} from './usage-summary';

/**
 * One answer: its markdown rendered while it streams, then its usage, or what went wrong and what to do.
 *
 * The text signal changes at most once per animation frame (`injectLlmStream()` paces it), so the markdown is
 * parsed and the DOM replaced at most once per frame however fast the chunks come. `[innerHTML]` sanitizes.
 */
@Component({
  selector: 'app-answer-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UsageSummary],
  template: `
    <section class="answer" [class.streaming]="status() === 'streaming'" [attr.data-status]="status()">
      @if (reasoning()) {
        <details class="reasoning" data-testid="answer-reasoning">
          <summary>Reasoning</summary>
          <p>{{ reasoning() }}</p>
        </details>
      }
      <div class="markdown" data-testid="answer" [innerHTML]="html()"></div>
      <p class="status" data-testid="answer-status">
        @switch (status()) {
          @case ('streaming') {
            Streaming…
          }
          @case ('cancelled') {
            Cancelled: the request was aborted; the text above is what had arrived.
          }
        }
      </p>
      @if (shownUsage(); as current) {
        <app-usage-summary [usage]="current" />
      }
      @if (problem(); as description) {
        <div class="error" role="alert" data-testid="answer-error">
          <strong>{{ description.title }}</strong>
          <p>{{ description.advice }}</p>
          @if (description.attempts.length) {
            <ol data-testid="answer-error-attempts">
              @for (attempt of description.attempts; track $index) {
                <li>
                  <b>{{ attempt.provider }} / {{ attempt.model }}</b
                  >: {{ attempt.title }} {{ attempt.advice }}
                </li>
              }
            </ol>
          }
          <details>
            <summary>Details</summary>
            <code>{{ description.detail }}</code>
          </details>
        </div>
      }
    </section>
  `,
  styles: `
    .answer {
      background: #fff;
      border: 1px solid #ddd;
      border-radius: 8px;
      padding: 0.75rem 1rem;
    }
    .markdown {
      min-height: 2rem;
      line-height: 1.5;
      overflow-wrap: anywhere;
    }
    .streaming .markdown::after {
      content: '▍';
      color: #888;
    }
    .status {
      font-size: 0.85rem;
      color: #666;
      margin: 0.25rem 0;
    }
    .reasoning {
      color: #666;
      font-size: 0.9rem;
    }
    .error {
      background: #fff1f0;
      border: 1px solid #f3b4ae;
      border-radius: 6px;
      padding: 0.5rem 0.75rem;
      margin-top: 0.5rem;
    }
    .error p {
      margin: 0.25rem 0;
    }
  `,
})
export class AnswerView {
  /** The answer's text so far (markdown). */
  readonly text = input.required<string>();
  /** The model's reasoning so far. */
  readonly reasoning = input<string>('');
  /** Where the call is. */
  readonly status = input.required<LlmStreamStatus>();
  /** The usage summary, once the call completed. */
  readonly usage = input<LlmUsage | undefined>(undefined);
  /** The error that ended the call. */
  readonly error = input<unknown>(undefined);

  protected readonly html = computed(() => renderMarkdown(this.text()));
  /** The usage, also of a truncated answer, which was billed in full. */
  protected readonly shownUsage = computed(() => {
    const error = this.error();
    return this.usage() ?? (LlmTruncationError.isInstance(error) ? error.usage : undefined);
  });
  protected readonly problem = computed(() => (this.status() === 'error' ? describeLlmError(this.error()) : undefined));
}
