import {ChangeDetectionStrategy, Component, computed, input} from '@angular/core';
import type {LlmLoopStep} from 'llm-rx/logging';
import {formatCost, formatCount} from '../common/format';
import {toolLoopSummary} from './tool-loop-summary';

/** The steps of the tool loop a call belongs to: each step's model, tokens, cost and tools, and the loop's total. */
@Component({
  selector: 'app-tool-loop-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = summary();
    <h4>Tool loop: {{ current.total.steps }} steps</h4>
    <ol class="steps" data-testid="loop-steps">
      @for (step of current.steps; track step.traceId) {
        <li data-testid="loop-step" [class.this]="step.traceId === traceId()">
          <div>
            Step {{ step.step + 1 }}: {{ step.provider }} / {{ step.model }} — <b>{{ step.status }}</b>
            @if (step.attempts > 1) {
              ({{ step.attempts }} attempts)
            }
            · {{ count(step.inputTokens) }} / {{ count(step.outputTokens) }} tokens · {{ cost(step.totalCost) }}
            @if (step.finishReason) {
              · {{ step.finishReason }}
            }
          </div>
          @if (step.toolCalls.length > 0) {
            <ul class="tools">
              @for (call of step.toolCalls; track call.toolCallId) {
                <li data-testid="loop-tool-call">
                  <code>{{ call.toolName }}({{ json(call.input) }})</code>
                  @if (call.result; as result) {
                    → <code [class.error]="result.isError">{{ json(result.output) }}</code>
                  } @else {
                    <span class="hint">→ no result logged</span>
                  }
                </li>
              }
            </ul>
          } @else if (step.toolCallCount) {
            <p class="hint">{{ step.toolCallCount }} tool calls (bodies not stored).</p>
          }
        </li>
      }
    </ol>
    <p data-testid="loop-total">
      <i>Loop total:</i> {{ current.total.toolCalls }} tool calls · {{ count(current.total.inputTokens) }} /
      {{ count(current.total.outputTokens) }} tokens · {{ cost(current.total.totalCost) }}
    </p>
  `,
  styles: `
    .steps {
      padding-left: 1.2rem;
    }
    .steps > li {
      margin-bottom: 0.4rem;
    }
    .this > div {
      font-weight: 600;
    }
    .tools {
      margin: 0.2rem 0;
      font-size: 0.85rem;
    }
    code {
      white-space: pre-wrap;
      word-break: break-word;
    }
    .error {
      color: var(--danger);
    }
    .hint {
      color: var(--muted);
      font-size: 0.85rem;
    }
  `,
})
export class ToolLoopView {
  /** The loop's steps, by step (`LlmCallDetails.loop`). */
  readonly loop = input.required<readonly LlmLoopStep[]>();
  /** The trace of the call whose details are shown, to mark its step. */
  readonly traceId = input<string | undefined>(undefined);

  protected readonly summary = computed(() => toolLoopSummary(this.loop()));

  protected count(value: number | null): string {
    return formatCount(value);
  }

  protected cost(value: number | null): string {
    return formatCost(value);
  }

  protected json(value: unknown): string {
    return value === undefined ? '' : JSON.stringify(value);
  }
}
