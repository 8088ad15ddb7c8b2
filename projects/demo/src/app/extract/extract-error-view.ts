import {ChangeDetectionStrategy, Component, input} from '@angular/core';
import type {ExtractErrorDescription} from './describe-extract-error';

/** Why an extraction failed: its kind, what to do, the schema's issues (path → message) and what the model sent. */
@Component({
  selector: 'app-extract-error-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let problem = description();
    <div class="error" role="alert" data-testid="extract-error" [attr.data-kind]="problem.kind">
      <p class="title">
        <strong data-testid="extract-error-title">{{ problem.title }}</strong>
        <code class="kind" data-testid="extract-error-kind">{{ problem.kind }}</code>
      </p>
      <p>{{ problem.advice }}</p>
      @if (problem.issues.length) {
        <ul class="issues" data-testid="extract-issues">
          @for (issue of problem.issues; track $index) {
            <li data-testid="extract-issue">
              <code data-testid="issue-path">{{ issue.path }}</code> →
              <span data-testid="issue-message">{{ issue.message }}</span>
            </li>
          }
        </ul>
      }
      <p class="message" data-testid="extract-error-message">{{ problem.message }}</p>
      <p class="caption">What the model sent</p>
      <pre tabindex="0" data-testid="extract-raw-text">{{ problem.rawText || '(nothing)' }}</pre>
    </div>
  `,
  styles: `
    .error {
      background: var(--danger-surface);
      border: 1px solid var(--danger);
      border-radius: 6px;
      padding: 0.5rem 0.75rem;
    }
    p {
      margin: 0.25rem 0;
    }
    .title {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: baseline;
    }
    .kind {
      background: var(--surface);
      border: 1px solid var(--danger);
      border-radius: 3px;
      padding: 0 0.3rem;
      font-size: 0.8rem;
    }
    .issues {
      margin: 0.35rem 0;
      padding-left: 1.2rem;
    }
    .message {
      font-size: 0.8rem;
      color: var(--muted);
      overflow-wrap: anywhere;
    }
    .caption {
      font-size: 0.85rem;
      color: var(--muted);
      margin-top: 0.5rem;
    }
    pre {
      background: var(--surface);
      padding: 0.4rem;
      margin: 0.2rem 0 0;
      font-size: 0.8rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      max-height: 14rem;
      overflow-y: auto;
    }
  `,
})
export class ExtractErrorView {
  /** The failure. */
  readonly description = input.required<ExtractErrorDescription>();
}
