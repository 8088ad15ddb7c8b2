import {ChangeDetectionStrategy, Component, input, output} from '@angular/core';
import type {LlmCallRecord} from 'llm-rx/logging';
import {formatCost, formatCount, formatDuration} from '../common/format';

/** The most recent calls, one row per attempt; a click selects a call to show its details. */
@Component({
  selector: 'app-calls-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-box" role="region" aria-label="Recent calls" tabindex="0">
      <table data-testid="calls-table">
        <thead>
          <tr>
            <th>Started</th>
            <th>Provider / model</th>
            <th>Status</th>
            <th>Attempt</th>
            <th class="number">First chunk</th>
            <th class="number">Total</th>
            <th class="number">Tokens in / out</th>
            <th class="number">Cost</th>
          </tr>
        </thead>
        <tbody>
          @for (call of calls(); track call.id) {
            <tr
              data-testid="call-row"
              [class.selected]="call.id === selectedId()"
              [attr.data-status]="call.status"
              [attr.data-id]="call.id"
              (click)="selected.emit(call.id)"
            >
              <td>
                <!-- The row is clickable; the button makes it reachable by keyboard and names it, and its click bubbles to the row. -->
                <button type="button" class="open" [attr.aria-label]="'Details of the call at ' + time(call.startedAt)">
                  {{ time(call.startedAt) }}
                </button>
              </td>
              <td>
                {{ call.provider }} / {{ call.model }}
                @if (call.outputName) {
                  <span class="chip" data-testid="call-schema">{{ call.outputName }}</span>
                }
                @if (call.loopId && call.step !== null) {
                  <span class="chip" data-testid="call-step">step {{ call.step + 1 }}</span>
                }
              </td>
              <td [class]="'status ' + call.status">{{ call.status }}</td>
              <td>{{ call.attemptIndex + 1 }} of {{ call.attemptCount }}</td>
              <td class="number">{{ duration(call.timeToFirstChunkMs) }}</td>
              <td class="number">{{ duration(call.responseTimeMs) }}</td>
              <td class="number">{{ count(call.inputTokens) }} / {{ count(call.outputTokens) }}</td>
              <td class="number">{{ cost(call.totalCost) }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="8" class="empty">No calls yet: ask something in the chat.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .table-box {
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
    }
    table {
      width: 100%;
      font-size: var(--text-small);
    }
    th,
    td {
      white-space: nowrap;
    }
    tbody tr:last-child td {
      border-bottom: none;
    }
    .number {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    tbody tr {
      cursor: pointer;
    }
    tbody tr:hover,
    .selected {
      background: var(--surface-2);
    }
    .open {
      display: inline;
      min-height: 0;
      padding: 0;
      border: none;
      background: none;
      color: var(--accent);
      font-variant-numeric: tabular-nums;
      text-decoration: underline;
      cursor: pointer;
    }
    .chip {
      margin-left: 0.4em;
    }
    .status.error {
      color: var(--danger);
    }
    .status.ok {
      color: var(--success);
    }
    .empty {
      color: var(--muted);
      white-space: normal;
    }
  `,
})
export class CallsTable {
  /** The rows, newest first. */
  readonly calls = input.required<readonly LlmCallRecord[]>();
  /** The row whose details are shown. */
  readonly selectedId = input<string | undefined>(undefined);
  /** Emits the id of a clicked row. */
  readonly selected = output<string>();

  protected time(epochMs: number): string {
    return new Date(epochMs).toLocaleTimeString('en-GB');
  }

  protected duration(milliseconds: number | null): string {
    return formatDuration(milliseconds);
  }

  protected count(value: number | null): string {
    return formatCount(value);
  }

  protected cost(value: number | null): string {
    return formatCost(value);
  }
}
