import {ChangeDetectionStrategy, Component, input, model} from '@angular/core';
import {CALL_STATUSES, type DashboardFilter, isFiltering, NO_DASHBOARD_FILTER} from './dashboard-filter';

/** The dashboard's filters: provider, model, status and a range of days; the totals, charts and table follow. */
@Component({
  selector: 'app-call-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = filter();
    <form class="filters" data-testid="call-filters" aria-label="Filter the calls" (submit)="$event.preventDefault()">
      <label class="field">
        Provider
        <select data-testid="filter-provider" (change)="set('provider', $any($event.target).value)">
          <option value="" [selected]="current.provider === ''">Any</option>
          @for (option of providers(); track option) {
            <option [value]="option" [selected]="current.provider === option">{{ option }}</option>
          }
        </select>
      </label>
      <label class="field">
        Model
        <select data-testid="filter-model" (change)="set('model', $any($event.target).value)">
          <option value="" [selected]="current.model === ''">Any</option>
          @for (option of models(); track option) {
            <option [value]="option" [selected]="current.model === option">{{ option }}</option>
          }
        </select>
      </label>
      <label class="field">
        Status
        <select data-testid="filter-status" (change)="set('status', $any($event.target).value)">
          <option value="" [selected]="current.status === ''">Any</option>
          @for (option of statuses; track option) {
            <option [value]="option" [selected]="current.status === option">{{ option }}</option>
          }
        </select>
      </label>
      <label class="field">
        From
        <input
          type="date"
          data-testid="filter-from"
          [value]="current.fromDate"
          (change)="set('fromDate', $any($event.target).value)"
        />
      </label>
      <label class="field">
        To
        <input
          type="date"
          data-testid="filter-to"
          [value]="current.toDate"
          (change)="set('toDate', $any($event.target).value)"
        />
      </label>
      <button
        type="button"
        class="button"
        data-testid="filter-reset"
        [disabled]="!isFiltering(current)"
        (click)="filter.set(none)"
      >
        Reset
      </button>
    </form>
  `,
  styles: `
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 9.5rem), 1fr));
      gap: var(--space-2) var(--space-3);
      align-items: end;
      margin-bottom: var(--space-4);
    }
  `,
})
export class CallFilters {
  /** The filter; the form edits it. */
  readonly filter = model.required<DashboardFilter>();
  /** The providers found in the log. */
  readonly providers = input.required<readonly string[]>();
  /** The models found in the log, for the chosen provider if there is one. */
  readonly models = input.required<readonly string[]>();

  protected readonly statuses = CALL_STATUSES;
  protected readonly none = NO_DASHBOARD_FILTER;
  protected readonly isFiltering = isFiltering;

  protected set(field: keyof DashboardFilter, value: string): void {
    // A model belongs to a provider: a new provider clears it.
    const reset = field === 'provider' ? {model: ''} : {};
    this.filter.update(current => ({...current, ...reset, [field]: value}));
  }
}
