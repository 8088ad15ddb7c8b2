import {ChangeDetectionStrategy, Component, computed, input} from '@angular/core';
import {LlmObjectError, type LlmUsage} from 'llm-rx';
import type {LlmStreamStatus} from 'llm-rx/angular';
import {UsageSummary} from '../chat/usage-summary';
import {describeExtractError} from './describe-extract-error';
import type {ExtractExample} from './extract-example';
import {ExtractErrorView} from './extract-error-view';
import {ObjectForm} from './object-form';
import {RawJsonPanel} from './raw-json-panel';

/**
 * One extraction: the form filling in as the object streams, then marked as validated with its cost and tokens;
 * or what went wrong, with the raw text and the schema's issues; and the raw JSON as it streamed.
 */
@Component({
  selector: 'app-extract-result',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ExtractErrorView, ObjectForm, RawJsonPanel, UsageSummary],
  template: `
    <section class="result" [attr.data-status]="status()">
      <div class="heading">
        <h3>{{ example().label }}</h3>
        <span class="badge" data-testid="object-status" [attr.data-status]="status()">
          @switch (status()) {
            @case ('streaming') {
              Streaming, not validated yet…
            }
            @case ('done') {
              @if (object() !== undefined) {
                <span data-testid="validated">✓ Validated against the {{ example().output.name }} schema</span>
              }
            }
            @case ('error') {
              Failed
            }
            @case ('cancelled') {
              Stopped: the fields are what had arrived, not validated
            }
          }
        </span>
      </div>
      <app-object-form
        [layout]="example().layout"
        [value]="partial()"
        [isStreaming]="status() === 'streaming'"
        [issues]="issues()"
      />
      @if (shownUsage(); as current) {
        <div class="usage">
          <app-usage-summary [usage]="current" />
        </div>
      }
      @if (problem(); as description) {
        <app-extract-error-view [description]="description" />
      }
      <app-raw-json-panel [text]="text()" [isStreaming]="status() === 'streaming'" />
    </section>
  `,
  styles: `
    .result {
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      padding: 0.75rem 1rem;
      display: grid;
      gap: 0.75rem;
      min-width: 0;
    }
    .heading {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: baseline;
    }
    h3 {
      margin: 0;
      font-size: 1.05rem;
    }
    .badge {
      font-size: 0.85rem;
      color: var(--muted);
    }
    .badge[data-status='done'] {
      color: var(--success);
      font-weight: 600;
    }
    .badge[data-status='error'] {
      color: var(--danger);
    }
    .usage {
      border-top: 1px solid var(--border);
      padding-top: 0.5rem;
    }
  `,
})
export class ExtractResult {
  /** The schema the call asked for. */
  readonly example = input.required<ExtractExample>();
  /** The object so far (the validated one at the end). */
  readonly partial = input<unknown>(undefined);
  /** The validated object, once done. */
  readonly object = input<unknown>(undefined);
  /** The raw JSON text so far. */
  readonly text = input.required<string>();
  readonly status = input.required<LlmStreamStatus>();
  readonly usage = input<LlmUsage | undefined>(undefined);
  /** The error that ended the call. */
  readonly error = input<unknown>(undefined);

  protected readonly problem = computed(() =>
    this.status() === 'error' ? describeExtractError(this.error(), this.text()) : undefined,
  );
  /** The usage of the call, also of an answer that was billed but is not the object. */
  protected readonly shownUsage = computed(() => this.usage() ?? this.problem()?.usage);
  protected readonly issues = computed(() => {
    const error = this.error();
    return this.status() === 'error' && LlmObjectError.isInstance(error) ? error.issues : [];
  });
}
