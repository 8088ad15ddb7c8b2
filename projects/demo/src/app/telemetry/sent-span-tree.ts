import {ChangeDetectionStrategy, Component, input} from '@angular/core';
import {formatDuration} from '../common/format';
import type {SentSpanNode} from './sent-spans';

/**
 * Exported spans as a tree: each span's name, duration, status and whether its batch was accepted, its attributes
 * in a compact table behind a disclosure, and its children (a call's attempts, a loop's steps and tools) below.
 */
@Component({
  selector: 'app-sent-span-tree',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul [class.root]="isRoot()">
      @for (node of nodes(); track node.span.traceId + node.span.spanId) {
        @let span = node.span;
        <li
          data-testid="sent-span"
          [attr.data-name]="span.name"
          [attr.data-trace-id]="span.traceId"
          [attr.data-span-id]="span.spanId"
          [attr.data-status]="span.status"
          [attr.data-exported]="span.isExported"
        >
          <div class="line">
            <span class="name">{{ span.name }}</span>
            <span class="duration">{{ duration(span.durationMs) }}</span>
            <span class="chip" [class.error]="span.status === 'error'" [attr.title]="span.statusMessage ?? null">
              {{ span.status === 'error' ? 'error' : 'status ' + span.status }}
            </span>
            @if (span.isExported) {
              <span class="chip sent">sent</span>
            } @else {
              <span class="chip error" [attr.title]="span.exportError ?? null">not sent</span>
            }
          </div>
          @if (span.statusMessage) {
            <p class="message">{{ span.statusMessage }}</p>
          }
          @if (!span.isExported && span.exportError) {
            <p class="message">The endpoint refused the batch: {{ span.exportError }}</p>
          }
          <details>
            <summary>{{ span.attributes.length }} attributes</summary>
            <div class="table-box">
              <table>
                <tbody>
                  @for (attribute of span.attributes; track attribute.key) {
                    <tr>
                      <th scope="row">{{ attribute.key }}</th>
                      <td>{{ attribute.value }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          </details>
          @if (node.children.length > 0) {
            <app-sent-span-tree [nodes]="node.children" [isRoot]="false" />
          }
        </li>
      }
    </ul>
  `,
  styles: `
    ul {
      list-style: none;
      margin: 0;
      padding: 0 0 0 var(--space-4);
      border-left: 1px solid var(--border);
    }
    ul.root {
      padding: 0;
      border-left: none;
      display: grid;
      gap: var(--space-3);
    }
    ul.root > li {
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      padding: var(--space-2) var(--space-3);
    }
    li {
      min-width: 0;
      padding-top: var(--space-1);
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-2);
    }
    .name {
      font-family: var(--font-mono);
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .duration {
      color: var(--muted);
      font-size: var(--text-small);
    }
    .chip.error {
      color: var(--danger);
      background: var(--danger-surface);
    }
    .chip.sent {
      color: var(--success);
    }
    .message {
      margin: var(--space-1) 0 0;
      font-size: var(--text-small);
      color: var(--danger);
    }
    details {
      font-size: var(--text-small);
    }
    summary {
      color: var(--muted);
      cursor: pointer;
    }
    th {
      font-family: var(--font-mono);
      font-weight: 400;
      white-space: nowrap;
    }
    td {
      font-family: var(--font-mono);
      overflow-wrap: anywhere;
      white-space: pre-wrap;
      max-width: 40rem;
    }
  `,
})
export class SentSpanTree {
  /** The spans to show, each with its children. */
  readonly nodes = input.required<readonly SentSpanNode[]>();
  /** Whether this is the outermost list (each root in a card). */
  readonly isRoot = input(true);

  protected duration(milliseconds: number): string {
    return formatDuration(milliseconds);
  }
}
