import {ChangeDetectionStrategy, Component, computed, inject, signal} from '@angular/core';
import {toObservable, toSignal} from '@angular/core/rxjs-interop';
import {injectLlmUsage} from 'llm-rx/angular';
import {of, switchMap} from 'rxjs';
import {DEMO_CALL_LOG} from '../common/demo-call-log';
import {formatCost, formatCount, formatDuration} from '../common/format';
import {CallDetailsView} from './call-details-view';
import {CallsTable} from './calls-table';
import {ChartCanvas} from './chart-canvas';
import {costByModelChart, costOverTimeChart, latencyByModelChart, tokensByModelChart} from './dashboard-charts';
import {downloadFile, exportFileName} from './download-file';

/** How many recent calls the table and the cost-over-time chart show. */
const RECENT_CALLS = 50;
const CHARTED_CALLS = 1000;

/**
 * Totals, charts and recent calls of the call log, all live (`injectLlmUsage()` over the log of `withLogging()`),
 * so the page updates by itself when a call is written; a call's details, exports and clearing go to the log.
 */
@Component({
  selector: 'app-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CallDetailsView, CallsTable, ChartCanvas],
  template: `
    <div class="title">
      <h2>Dashboard</h2>
      <div class="actions">
        <button type="button" data-testid="export-csv" (click)="export('csv')">Export CSV</button>
        <button type="button" data-testid="export-json" (click)="export('json')">Export JSON</button>
        @if (isConfirmingClear()) {
          <span>Delete every logged call?</span>
          <button type="button" data-testid="clear-confirm" (click)="clear()">Delete</button>
          <button type="button" (click)="isConfirmingClear.set(false)">Keep</button>
        } @else {
          <button type="button" data-testid="clear" (click)="isConfirmingClear.set(true)">Clear</button>
        }
      </div>
    </div>
    @if (logError(); as error) {
      <p class="warning" role="alert">The log could not be written ({{ error.message }}); calls still work.</p>
    }
    @if (totals(); as current) {
      <dl class="totals" data-testid="totals">
        <div>
          <dt>Calls</dt>
          <dd data-testid="total-calls">{{ count(current.calls) }}</dd>
        </div>
        <div>
          <dt>Tokens in / out</dt>
          <dd data-testid="total-tokens">{{ count(current.inputTokens) }} / {{ count(current.outputTokens) }}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd data-testid="total-cost">{{ cost(current.totalCost) }}</dd>
        </div>
        <div>
          <dt>Error rate</dt>
          <dd data-testid="error-rate">{{ (current.errorRate * 100).toFixed(1) }}%</dd>
        </div>
        <div>
          <dt>First chunk p50 / p95</dt>
          <dd>{{ duration(current.timeToFirstChunkMs.p50) }} / {{ duration(current.timeToFirstChunkMs.p95) }}</dd>
        </div>
        <div>
          <dt>Response p50 / p95</dt>
          <dd>{{ duration(current.responseTimeMs.p50) }} / {{ duration(current.responseTimeMs.p95) }}</dd>
        </div>
      </dl>
    }
    <div class="charts">
      <figure>
        <figcaption>Cost over time</figcaption>
        <app-chart-canvas label="Cumulative cost over time" [config]="costOverTime()" />
      </figure>
      <figure>
        <figcaption>Cost by model</figcaption>
        <app-chart-canvas label="Cost by model" [config]="costByModel()" />
      </figure>
      <figure>
        <figcaption>Tokens by model</figcaption>
        <app-chart-canvas label="Tokens by model" [config]="tokensByModel()" />
      </figure>
      <figure>
        <figcaption>Latency percentiles by model</figcaption>
        <app-chart-canvas label="Time to first chunk and response time percentiles by model" [config]="latency()" />
      </figure>
    </div>
    <h3>Recent calls</h3>
    <app-calls-table [calls]="recent() ?? []" [selectedId]="selectedId()" (selected)="selectedId.set($event)" />
    @if (details(); as current) {
      <app-call-details-view [details]="current" (closed)="selectedId.set(undefined)" />
    }
  `,
  styles: `
    .title {
      display: flex;
      justify-content: space-between;
      align-items: center;
    }
    .actions {
      display: flex;
      gap: 0.4rem;
      align-items: center;
    }
    .totals {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
      gap: 0.5rem;
      margin: 0 0 1rem;
    }
    .totals div {
      background: #fff;
      border: 1px solid #ddd;
      border-radius: 8px;
      padding: 0.5rem 0.75rem;
    }
    dt {
      font-size: 0.8rem;
      color: #666;
    }
    dd {
      margin: 0;
      font-size: 1.2rem;
      font-variant-numeric: tabular-nums;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr));
      gap: 1rem;
    }
    figure {
      margin: 0;
      background: #fff;
      border: 1px solid #ddd;
      border-radius: 8px;
      padding: 0.5rem;
    }
    figcaption {
      font-size: 0.85rem;
      color: #444;
    }
    .warning {
      background: #fff7e6;
      padding: 0.5rem;
      border-radius: 6px;
    }
  `,
})
export class DashboardPage {
  private readonly _log = inject(DEMO_CALL_LOG);
  private readonly _usage = injectLlmUsage();

  protected readonly selectedId = signal<string | undefined>(undefined);
  protected readonly isConfirmingClear = signal(false);

  protected readonly totals = this._usage.totals;
  protected readonly recent = this._usage.recentCalls({limit: RECENT_CALLS});
  private readonly _charted = this._usage.recentCalls({limit: CHARTED_CALLS});
  private readonly _byModel = this._usage.breakdown('model');
  protected readonly details = toSignal(
    toObservable(this.selectedId).pipe(switchMap(id => (id === undefined ? of(undefined) : this._log.callDetails(id)))),
  );
  protected readonly logError = toSignal(this._log.errors);

  protected readonly costOverTime = computed(() => costOverTimeChart(this._charted() ?? []));
  protected readonly costByModel = computed(() => costByModelChart(this._byModel() ?? []));
  protected readonly tokensByModel = computed(() => tokensByModelChart(this._byModel() ?? []));
  protected readonly latency = computed(() => latencyByModelChart(this._byModel() ?? []));

  /**
   * Downloads every logged call.
   * @param format `csv` or `json`.
   */
  protected async export(format: 'csv' | 'json'): Promise<void> {
    const text = await this._log.exportCalls(format);
    downloadFile(text, exportFileName(format), format === 'csv' ? 'text/csv' : 'application/json');
  }

  /** Deletes every logged call; the live queries then show an empty log. */
  protected async clear(): Promise<void> {
    this.isConfirmingClear.set(false);
    this.selectedId.set(undefined);
    await this._log.clear();
  }

  protected count(value: number): string {
    return formatCount(value);
  }

  protected cost(value: number): string {
    return formatCost(value);
  }

  protected duration(milliseconds: number | null): string {
    return formatDuration(milliseconds);
  }
}
