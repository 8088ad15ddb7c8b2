import {ChangeDetectionStrategy, Component, input, output} from '@angular/core';
import type {LlmCallRecord} from 'llm-rx/logging';
import {formatCost, formatCount, formatDuration} from '../common/format';

/** The most recent calls, one row per attempt; a click selects a call to show its details. */
@Component({
  selector: 'app-calls-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
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
            tabindex="0"
            [class.selected]="call.id === selectedId()"
            [attr.data-status]="call.status"
            (click)="selected.emit(call.id)"
            (keydown.enter)="selected.emit(call.id)"
          >
            <td>{{ time(call.startedAt) }}</td>
            <td>
              {{ call.provider }} / {{ call.model }}
              @if (call.outputName) {
                <span class="schema" data-testid="call-schema">{{ call.outputName }}</span>
              }
              @if (call.loopId && call.step !== null) {
                <span class="schema" data-testid="call-step">step {{ call.step + 1 }}</span>
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
  `,
  styles: `
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.85rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.3rem 0.5rem;
      border-bottom: 1px solid #eee;
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
      background: #eef4ff;
    }
    .schema {
      margin-left: 0.4em;
      padding: 0 0.35em;
      border: 1px solid #b9c6d8;
      border-radius: 0.3em;
      font-size: 0.85em;
      color: #2d4a6b;
    }
    .status.error {
      color: #b42318;
    }
    .status.cancelled,
    .status.interrupted {
      color: #8a4b00;
    }
    .empty {
      color: #777;
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
