import {ChangeDetectionStrategy, Component, computed, input} from '@angular/core';
import {LlmTruncationError, type LlmUsage} from 'llm-rx';
import type {LlmStreamStatus, LlmToolCallState} from 'llm-rx/angular';
import {renderMarkdown} from '../common/render-markdown';
import {answerPieces} from './answer-pieces';
import {describeLlmError} from './describe-llm-error';
import {ToolCallCard} from './tool-call-card';
import {UsageSummary} from './usage-summary';

/**
 * One answer: its markdown rendered while it streams, with its tool calls as cards where they came in the text,
 * then its usage, or what went wrong and what to do.
 *
 * The text and tool-call signals change at most once per animation frame (`injectLlmStream()` paces them), so the
 * markdown is parsed and the DOM replaced at most once per frame however fast the chunks come. `[innerHTML]`
 * sanitizes.
 */
@Component({
  selector: 'app-answer-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ToolCallCard, UsageSummary],
  template: `
    <section class="answer" [class.streaming]="status() === 'streaming'" [attr.data-status]="status()">
      @if (reasoning()) {
        <details class="reasoning" data-testid="answer-reasoning">
          <summary>Reasoning</summary>
          <p>{{ reasoning() }}</p>
        </details>
      }
      @if (toolCalls().length === 0) {
        <div class="markdown" data-testid="answer" [innerHTML]="html()"></div>
      } @else {
        <!-- With tool calls, the answer is its text in pieces, each call's card where it came. -->
        <div class="pieces" data-testid="answer">
          @for (piece of pieces(); track piece.kind === 'text' ? 'text-' + piece.offset : piece.call.toolCallId) {
            @if (piece.kind === 'text') {
              <div class="markdown" [innerHTML]="piece.html"></div>
            } @else {
              <app-tool-call-card [call]="piece.call" [answerStatus]="status()" />
            }
          }
        </div>
      }
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
    .streaming > .markdown::after,
    .streaming .pieces > .markdown:last-child::after {
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
  /** The tool calls the answer made, in the order they started. */
  readonly toolCalls = input<readonly LlmToolCallState[]>([]);

  /** The text as one piece, while the answer has no tool calls: one DOM update per frame. */
  protected readonly html = computed(() => renderMarkdown(this.text()));
  /** The text, rendered piece by piece between the tool calls. */
  protected readonly pieces = computed(() =>
    answerPieces(this.text(), this.toolCalls()).map(piece =>
      piece.kind === 'text' ? {...piece, html: renderMarkdown(piece.text)} : piece,
    ),
  );
  /** The usage, also of a truncated answer, which was billed in full. */
  protected readonly shownUsage = computed(() => {
    const error = this.error();
    return this.usage() ?? (LlmTruncationError.isInstance(error) ? error.usage : undefined);
  });
  protected readonly problem = computed(() => (this.status() === 'error' ? describeLlmError(this.error()) : undefined));
}
