import {ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, output, signal} from '@angular/core';
import type {LlmStreamStatus} from 'llm-rx/angular';
import {answerPieces} from '../answer-pieces';
import type {ChatAssistantMessage} from '../conversations/chat-message';
import {ToolCallCard} from '../tool-call-card';
import {MessageFooter} from './message-footer';
import {MessageMarkdown} from './message-markdown';
import {ReasoningBlock} from './reasoning-block';

/** How long the copy button says "Copied". */
const COPIED_MS = 2000;

/**
 * One answer of the conversation: its reasoning, its markdown (with its tool calls as cards where they came), its
 * status, what went wrong with a Retry, its footer, and copy and regenerate.
 */
@Component({
  selector: 'app-assistant-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MessageFooter, MessageMarkdown, ReasoningBlock, ToolCallCard],
  template: `
    @let current = message();
    <article class="assistant" data-testid="assistant-message" [attr.data-status]="current.status">
      @if (current.reasoning) {
        <app-reasoning-block
          [reasoning]="current.reasoning"
          [streaming]="isStreaming() && !current.content"
          [thoughtMs]="current.thoughtMs"
        />
      }
      @if (current.toolCalls.length === 0) {
        <app-message-markdown class="body" data-testid="answer" [text]="current.content" [streaming]="isStreaming()" />
      } @else {
        <!-- With tool calls, the answer is its text in pieces, each call's card where it came. -->
        <div class="body" data-testid="answer">
          @for (piece of pieces(); track piece.kind === 'text' ? 'text-' + piece.offset : piece.call.toolCallId) {
            @if (piece.kind === 'text') {
              <app-message-markdown [text]="piece.text" [streaming]="isStreaming() && $last" />
            } @else {
              <app-tool-call-card [call]="piece.call" [answerStatus]="toolStatus()" />
            }
          }
        </div>
      }
      <!-- Until the first text arrives; then <llm-markdown> shows its own caret at the end of the text. -->
      @if (isStreaming() && !current.content) {
        <span class="caret" aria-hidden="true"></span>
      }
      <p class="status" role="status" data-testid="answer-status">
        @switch (current.status) {
          @case ('streaming') {
            <span class="visually-hidden">Answering…</span>
          }
          @case ('cancelled') {
            Stopped: the text above is what had arrived.
          }
          @case ('interrupted') {
            Interrupted: the page closed while this answer streamed; the text above is what had arrived.
          }
        }
      </p>
      @if (current.error; as problem) {
        <div class="error" role="alert" data-testid="answer-error">
          <strong>{{ problem.title }}</strong>
          <p>{{ problem.advice }}</p>
          @if (problem.attempts.length) {
            <ol data-testid="answer-error-attempts">
              @for (attempt of problem.attempts; track $index) {
                <li>
                  <b>{{ attempt.provider }} / {{ attempt.model }}</b
                  >: {{ attempt.title }} {{ attempt.advice }}
                </li>
              }
            </ol>
          }
          <details>
            <summary>Details</summary>
            <code>{{ problem.detail }}</code>
          </details>
          @if (isLast()) {
            <button type="button" class="button" data-testid="retry" (click)="regenerate.emit()">Retry</button>
          }
        </div>
      }
      @if (!isStreaming()) {
        @if (current.stats; as stats) {
          <app-message-footer [stats]="stats" [callRowId]="current.callRowId" />
        }
        <div class="actions">
          @if (current.content) {
            <button
              type="button"
              class="icon-button"
              data-testid="copy-answer"
              [attr.aria-label]="isCopied() ? 'Copied' : 'Copy the answer'"
              (click)="copy()"
            >
              {{ isCopied() ? 'Copied' : 'Copy' }}
            </button>
          }
          @if (isLast()) {
            <button
              type="button"
              class="icon-button"
              data-testid="regenerate"
              aria-label="Regenerate the answer"
              (click)="regenerate.emit()"
            >
              Regenerate
            </button>
          }
        </div>
      }
    </article>
  `,
  styles: `
    .assistant {
      padding: 0.25rem 0;
    }
    .body {
      display: block;
      min-height: 1.6rem;
    }
    .caret {
      display: inline-block;
      width: 0.6rem;
      height: 0.6rem;
      border-radius: 50%;
      background: var(--muted);
      animation: pulse 1s ease-in-out infinite alternate;
    }
    @keyframes pulse {
      to {
        opacity: 0.3;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .caret {
        animation: none;
      }
    }
    .status {
      font-size: 0.85rem;
      color: var(--muted);
      margin: 0.25rem 0;
    }
    .status:empty {
      display: none;
    }
    .error {
      background: var(--danger-surface);
      border: 1px solid var(--danger);
      border-radius: var(--radius);
      padding: 0.5rem 0.75rem;
      margin: 0.5rem 0;
    }
    .error p {
      margin: 0.25rem 0;
    }
    .error code {
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      gap: 0.25rem;
      margin-top: 0.35rem;
    }
  `,
})
export class AssistantMessage {
  readonly message = input.required<ChatAssistantMessage>();
  /** Whether it answers the last prompt (regenerate and retry are offered there only). */
  readonly isLast = input(false);
  /** Asks the last prompt again. */
  readonly regenerate = output();

  private readonly _isCopied = signal(false);
  private _copiedTimer: ReturnType<typeof setTimeout> | undefined;
  protected readonly isCopied = this._isCopied.asReadonly();
  protected readonly isStreaming = computed(() => this.message().status === 'streaming');
  /** The text in pieces, each tool call's card where it came (one piece without tool calls). */
  protected readonly pieces = computed(() => answerPieces(this.message().content, this.message().toolCalls));
  /** The status the tool cards show: a restored, interrupted answer's calls were stopped. */
  protected readonly toolStatus = computed<LlmStreamStatus>(() => {
    const status = this.message().status;
    return status === 'interrupted' ? 'cancelled' : status;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this._copiedTimer));
  }

  /** Copies the answer's markdown; the button says "Copied" for a moment. */
  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.message().content);
    } catch (error) {
      console.warn('llm-rx demo: the answer could not be copied:', error);
      return;
    }
    this._isCopied.set(true);
    clearTimeout(this._copiedTimer);
    this._copiedTimer = setTimeout(() => this._isCopied.set(false), COPIED_MS);
  }
}
