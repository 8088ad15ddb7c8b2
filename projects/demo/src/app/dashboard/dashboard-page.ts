import {ChangeDetectionStrategy, Component, computed, inject, signal} from '@angular/core';
import {toObservable, toSignal} from '@angular/core/rxjs-interop';
import {injectLlmUsage} from 'llm-rx/angular';
import {of, switchMap} from 'rxjs';
import {DEMO_CALL_LOG} from '../common/demo-call-log';
import {formatCost, formatCount, formatDuration} from '../common/format';
import {CALL_QUERY_PARAM} from '../shell/demo-pages';
import {DemoNavigation} from '../shell/demo-navigation';
import {CallDetailsPanel} from './call-details-panel';
import {CallFilters} from './call-filters';
import {CallsTable} from './calls-table';
import {ChartCanvas} from './chart-canvas';
import {costByModelChart, costOverTimeChart, latencyByModelChart, tokensByModelChart} from './dashboard-charts';
import {type DashboardFilter, NO_DASHBOARD_FILTER, toCallFilter} from './dashboard-filter';
import {downloadFile, exportFileName} from './download-file';

/** How many recent calls the table and the cost-over-time chart show. */
const RECENT_CALLS = 50;
const CHARTED_CALLS = 1000;

/**
 * Totals, charts and recent calls of the call log, newest first, all live (`injectLlmUsage()` over the log of
 * `withLogging()`) and all following the filters; a call's details open in a side panel, linked from the URL
 * (`/dashboard?call=<row id>`); exports and clearing go to the log.
 */
@Component({
  selector: 'app-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CallDetailsPanel, CallFilters, CallsTable, ChartCanvas],
  template: `
    <div class="title">
      <h1>Dashboard</h1>
      <div class="actions">
        <button type="button" class="button" data-testid="export-csv" (click)="export('csv')">Export CSV</button>
        <button type="button" class="button" data-testid="export-json" (click)="export('json')">Export JSON</button>
        @if (isConfirmingClear()) {
          <span>Delete every logged call?</span>
          <button type="button" class="button danger" data-testid="clear-confirm" (click)="clear()">Delete</button>
          <button type="button" class="button" (click)="isConfirmingClear.set(false)">Keep</button>
        } @else {
          <button type="button" class="button danger" data-testid="clear" (click)="isConfirmingClear.set(true)">
            Clear
          </button>
        }
      </div>
    </div>
    @if (logError(); as error) {
      <p class="warning" role="alert">The log could not be written ({{ error.message }}); calls still work.</p>
    }
    <app-call-filters [(filter)]="filter" [providers]="providers()" [models]="models()" />
    @if (totals(); as current) {
      <dl class="totals" data-testid="totals">
        <div class="card">
          <dt>Calls</dt>
          <dd data-testid="total-calls">{{ count(current.calls) }}</dd>
        </div>
        <div class="card">
          <dt>Tokens in / out</dt>
          <dd data-testid="total-tokens">{{ count(current.inputTokens) }} / {{ count(current.outputTokens) }}</dd>
        </div>
        <div class="card">
          <dt>Cost</dt>
          <dd data-testid="total-cost">{{ cost(current.totalCost) }}</dd>
        </div>
        <div class="card">
          <dt>Error rate</dt>
          <dd data-testid="error-rate">{{ (current.errorRate * 100).toFixed(1) }}%</dd>
        </div>
        <div class="card">
          <dt>First chunk p50 / p95</dt>
          <dd>{{ duration(current.timeToFirstChunkMs.p50) }} / {{ duration(current.timeToFirstChunkMs.p95) }}</dd>
        </div>
        <div class="card">
          <dt>Response p50 / p95</dt>
          <dd>{{ duration(current.responseTimeMs.p50) }} / {{ duration(current.responseTimeMs.p95) }}</dd>
        </div>
      </dl>
    }
    <div class="charts">
      <figure class="card">
        <figcaption>Cost over time</figcaption>
        <app-chart-canvas label="Cumulative cost over time" [config]="costOverTime()" />
      </figure>
      <figure class="card">
        <figcaption>Cost by model</figcaption>
        <app-chart-canvas label="Cost by model" [config]="costByModel()" />
      </figure>
      <figure class="card">
        <figcaption>Tokens by model</figcaption>
        <app-chart-canvas label="Tokens by model" [config]="tokensByModel()" />
      </figure>
      <figure class="card">
        <figcaption>Latency percentiles by model</figcaption>
        <app-chart-canvas label="Time to first chunk and response time percentiles by model" [config]="latency()" />
      </figure>
    </div>
    <h2>Recent calls <span class="hint">newest first</span></h2>
    <app-calls-table [calls]="recent() ?? []" [selectedId]="selectedId()" (selected)="open($event)" />
    @if (selectedId() !== undefined) {
      <app-call-details-panel [details]="details()" (closed)="close()" />
    }
  `,
  styles: `
    .title {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2) var(--space-4);
      justify-content: space-between;
      align-items: center;
      margin-bottom: var(--space-4);
    }
    h1 {
      margin: 0;
      font-size: 1.5rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      align-items: center;
    }
    .totals {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 9.5rem), 1fr));
      gap: var(--space-3);
      margin: 0 0 var(--space-4);
    }
    .totals .card {
      padding: var(--space-2) var(--space-3);
    }
    dt {
      font-size: 0.8rem;
      color: var(--muted);
    }
    dd {
      margin: 0;
      font-size: 1.2rem;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
      gap: var(--space-4);
      margin-bottom: var(--space-6);
    }
    figure {
      margin: 0;
    }
    figcaption {
      font-size: var(--text-small);
      font-weight: 600;
      margin-bottom: var(--space-2);
    }
    h2 .hint {
      font-size: var(--text-small);
      font-weight: 400;
      color: var(--muted);
    }
    .warning {
      background: var(--warning-surface);
      padding: var(--space-2) var(--space-3);
      border-radius: var(--radius-small);
    }
  `,
})
export class DashboardPage {
  private readonly _log = inject(DEMO_CALL_LOG);
  private readonly _navigation = inject(DemoNavigation);

  /** The filters; the totals, charts and table follow them. */
  protected readonly filter = signal<DashboardFilter>(NO_DASHBOARD_FILTER);
  private readonly _usage = injectLlmUsage({filter: () => toCallFilter(this.filter())});
  // The filters' choices come from the whole log, the models from the chosen provider only.
  private readonly _choices = injectLlmUsage({
    filter: () => (this.filter().provider ? {provider: this.filter().provider} : {}),
  });

  /** The row whose details are open, from `?call=` at first. */
  protected readonly selectedId = signal<string | undefined>(
    this._navigation.queryParam(CALL_QUERY_PARAM) ?? undefined,
  );
  protected readonly isConfirmingClear = signal(false);

  protected readonly totals = this._usage.totals;
  protected readonly recent = this._usage.recentCalls({limit: RECENT_CALLS});
  private readonly _charted = this._usage.recentCalls({limit: CHARTED_CALLS});
  private readonly _byModel = this._usage.breakdown('model');
  private readonly _allProviders = injectLlmUsage().breakdown('provider');
  private readonly _providerModels = this._choices.breakdown('model');
  protected readonly providers = computed(() => (this._allProviders() ?? []).map(group => group.key));
  protected readonly models = computed(() => (this._providerModels() ?? []).map(group => group.key));
  protected readonly details = toSignal(
    toObservable(this.selectedId).pipe(switchMap(id => (id === undefined ? of(undefined) : this._log.callDetails(id)))),
  );
  protected readonly logError = toSignal(this._log.errors);

  protected readonly costOverTime = computed(() => costOverTimeChart(this._charted() ?? []));
  protected readonly costByModel = computed(() => costByModelChart(this._byModel() ?? []));
  protected readonly tokensByModel = computed(() => tokensByModelChart(this._byModel() ?? []));
  protected readonly latency = computed(() => latencyByModelChart(this._byModel() ?? []));

  /**
   * Opens a row's details, and puts it in the URL so that the address links to it.
   * @param id The row's id.
   */
  protected open(id: string): void {
    this.selectedId.set(id);
    this._navigation.replaceQueryParam(CALL_QUERY_PARAM, id);
  }

  /** Closes the details and takes the row out of the URL. */
  protected close(): void {
    this.selectedId.set(undefined);
    this._navigation.replaceQueryParam(CALL_QUERY_PARAM, undefined);
  }

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
    this.close();
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
