import {ChangeDetectionStrategy, Component, input} from '@angular/core';

/** The answer's raw JSON text as it streams, folded away until opened. */
@Component({
  selector: 'app-raw-json-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details data-testid="raw-json">
      <summary>
        Raw JSON <small>({{ text().length }} characters{{ isStreaming() ? ', streaming' : '' }})</small>
      </summary>
      <pre tabindex="0" data-testid="raw-json-text">{{ text() }}</pre>
    </details>
  `,
  styles: `
    summary {
      cursor: pointer;
      font-size: 0.9rem;
    }
    small {
      color: var(--muted);
    }
    pre {
      background: var(--code-bg);
      padding: 0.5rem;
      margin: 0.35rem 0 0;
      font-size: 0.8rem;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      max-height: 20rem;
      overflow-y: auto;
    }
  `,
})
export class RawJsonPanel {
  /** The text so far. */
  readonly text = input.required<string>();
  /** Whether more may come. */
  readonly isStreaming = input(false);
}
