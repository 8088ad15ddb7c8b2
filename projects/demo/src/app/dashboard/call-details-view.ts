import {ChangeDetectionStrategy, Component, input} from '@angular/core';
import type {LlmCallDetails} from 'llm-rx/logging';
import {formatCost, formatDuration} from '../common/format';
import {messagesWithoutImageBytes, requestImages} from './request-images';
import {ToolLoopView} from './tool-loop-view';

/**
 * One call: what was asked, what came back, every attempt of its cascade or retries, and, for a step of a tool
 * loop, the loop's steps.
 */
@Component({
  selector: 'app-call-details-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ToolLoopView],
  template: `
    @let current = details();
    <section data-testid="call-details">
      <h3>
        {{ current.call.provider }} / {{ current.call.model }}
        <span class="chip" [attr.data-status]="current.call.status">{{ current.call.status }}</span>
      </h3>
      @if (current.call.errorMessage) {
        <p class="error">{{ current.call.errorType }}: {{ current.call.errorMessage }}</p>
      }
      <h4>Attempts</h4>
      <ol data-testid="call-attempts">
        @for (attempt of current.attempts; track attempt.id) {
          <li [class.this]="attempt.id === current.call.id">
            {{ attempt.provider }} / {{ attempt.model }}: <b>{{ attempt.status }}</b>
            @if (attempt.responseTimeMs !== null) {
              in {{ duration(attempt.responseTimeMs) }}
            }
            @if (attempt.totalCost !== null) {
              · {{ cost(attempt.totalCost) }}
            }
            @if (attempt.errorMessage) {
              — {{ attempt.errorMessage }}
            }
          </li>
        }
      </ol>
      @if (current.loop.length > 0) {
        <app-tool-loop-view [loop]="current.loop" [traceId]="current.call.traceId" />
      }
      @if (current.body; as body) {
        <h4>Request</h4>
        @if (body.request?.systemPrompt) {
          <p><i>System:</i> {{ body.request?.systemPrompt }}</p>
        }
        <pre tabindex="0" data-testid="call-request">{{ body.request?.userPrompt ?? json(messages(body)) }}</pre>
        @let shownImages = images(body);
        @if (shownImages.length > 0) {
          <ul class="images" data-testid="call-images">
            @for (image of shownImages; track $index) {
              <li>
                @if (image.thumbnail) {
                  <img [src]="image.thumbnail" alt="" />
                }
                {{ image.label }}
              </li>
            }
          </ul>
        }
        <h4>Response</h4>
        @if (body.response?.reasoning) {
          <p><i>Reasoning:</i> {{ body.response?.reasoning }}</p>
        }
        <pre tabindex="0" data-testid="call-response">{{ body.response?.text ?? '(none yet)' }}</pre>
        @if (body.response?.toolCalls; as toolCalls) {
          <p><i>Tool calls:</i></p>
          <pre tabindex="0" data-testid="call-tool-calls">{{ json(toolCalls) }}</pre>
        }
        @if (body.request?.output; as output) {
          <p data-testid="call-output">
            <i>Object asked for:</i> {{ output.name }}
            @if (output.description) {
              — {{ output.description }}
            }
          </p>
        }
        @if (body.response?.object !== undefined) {
          <p><i>Validated object:</i></p>
          <pre tabindex="0" data-testid="call-object">{{ json(body.response?.object) }}</pre>
        }
        @if (body.response?.objectError; as objectError) {
          <p data-testid="call-object-error">
            <i>Not the object ({{ objectError.kind }}):</i>
            @for (issue of objectError.issues; track $index) {
              <br />{{ issue.path.join('.') || '(root)' }} → {{ issue.message }}
            }
          </p>
        }
        @if (body.response?.refusal) {
          <p><i>Refused:</i> {{ body.response?.refusal }}</p>
        }
      } @else {
        <p class="hint">No body for this attempt: bodies are kept with the answering attempt.</p>
      }
    </section>
  `,
  styles: `
    h3 {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      align-items: center;
      overflow-wrap: anywhere;
    }
    pre {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      max-height: 16rem;
    }
    ol {
      padding-left: 1.25rem;
    }
    .images {
      list-style: none;
      padding: 0;
      font-size: var(--text-small);
      overflow-wrap: anywhere;
    }
    .images img {
      max-width: 4rem;
      max-height: 4rem;
      vertical-align: middle;
      margin-right: var(--space-2);
    }
    .this {
      font-weight: 600;
    }
    .error {
      color: var(--danger);
      background: var(--danger-surface);
      padding: var(--space-2) var(--space-3);
      border-radius: var(--radius-small);
    }
    .hint {
      color: var(--muted);
      font-size: var(--text-small);
    }
  `,
})
export class CallDetailsView {
  /** The call, its body and its sibling attempts. */
  readonly details = input.required<LlmCallDetails>();

  protected duration(milliseconds: number): string {
    return formatDuration(milliseconds);
  }

  protected cost(value: number): string {
    return formatCost(value);
  }

  protected images = requestImages;
  protected messages = messagesWithoutImageBytes;

  protected json(value: unknown): string {
    return JSON.stringify(value, null, 2);
  }
}
