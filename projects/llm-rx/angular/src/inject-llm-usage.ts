import {isPlatformServer} from '@angular/common';
import {
  assertInInjectionContext,
  computed,
  inject,
  Injector,
  PLATFORM_ID,
  runInInjectionContext,
  type Signal,
  signal,
} from '@angular/core';
import {toObservable, toSignal} from '@angular/core/rxjs-interop';
import {
  type LlmCallFilter,
  type LlmCallGrouping,
  type LlmCallPage,
  type LlmCallRecord,
  type LlmCallStats,
  type LlmCallStatsGroup,
  LlmConfigurationError,
} from 'llm-rx';
import {type Observable, switchMap} from 'rxjs';
import {_LLM_LOGGING, type LlmUsageLog} from './llm-tokens';

/** Options of `injectLlmUsage()`. */
export interface InjectLlmUsageOptions {
  /** The injector to use outside an injection context; its destruction ends the live queries. */
  readonly injector?: Injector;
  /** Which calls to count: a filter, or a signal (or any reactive function) of one, re-queried when it changes. */
  readonly filter?: LlmCallFilter | (() => LlmCallFilter);
}

/** Live usage from the call log of `withLogging()`, as signals; `undefined` until the first result. */
export interface LlmUsageRef {
  /** Calls, errors, tokens, cost and latency percentiles of the filtered calls. */
  readonly totals: Signal<LlmCallStats | undefined>;
  /**
   * The filtered calls grouped by provider, model or UTC day. Call it once per grouping, e.g. in a field.
   * @param grouping What to group by.
   * @returns The groups, live.
   */
  breakdown(grouping: LlmCallGrouping): Signal<readonly LlmCallStatsGroup[] | undefined>;
  /**
   * A page of the filtered calls, newest first. Call it once per page, e.g. in a field.
   * @param page `offset` and `limit` (default 50).
   * @returns The calls, live.
   */
  recentCalls(page?: Pick<LlmCallPage, 'offset' | 'limit'>): Signal<readonly LlmCallRecord[] | undefined>;
}

/**
 * Reads the call log of `provideLlm(withLogging(…))` as live signals, for usage dashboards: they update by
 * themselves as calls are logged. On the server, which logs nothing, every signal stays `undefined`.
 * @param options The injector outside an injection context, and which calls to count.
 * @returns Live totals, breakdowns and recent calls.
 * @throws LlmConfigurationError in dev mode, in the browser, when `withLogging()` was given no `log`.
 *
 * @usageNotes
 * ```ts
 * @Component({
 *   changeDetection: ChangeDetectionStrategy.OnPush,
 *   template: `
 *     @if (usage.totals(); as totals) { <p>{{ totals.calls }} calls, {{ totals.totalCost }} USD</p> }
 *     @for (group of byProvider(); track group.key) { <p>{{ group.key }}: {{ group.totalCost }} USD</p> }
 *   `,
 * })
 * export class UsageSummary {
 *   readonly since = signal(Date.now() - 86_400_000);
 *   readonly usage = injectLlmUsage({filter: () => ({from: this.since()})});
 *   readonly byProvider = this.usage.breakdown('provider');
 * }
 * ```
 */
export function injectLlmUsage(options: InjectLlmUsageOptions = {}): LlmUsageRef {
  if (!options.injector) assertInInjectionContext(injectLlmUsage);
  const injector = options.injector ?? inject(Injector);
  return runInInjectionContext(injector, () => {
    const log = usageLog();
    const given = options.filter;
    const filter = computed(() => (typeof given === 'function' ? given() : (given ?? {})));
    const live = <T>(query: (log: LlmUsageLog, filter: LlmCallFilter) => Observable<T>): Signal<T | undefined> => {
      if (!log) return signal(undefined).asReadonly();
      // Run in the injector's context, so that a query made after construction still ends with it.
      return runInInjectionContext(injector, () =>
        toSignal(toObservable(filter).pipe(switchMap(current => query(log, current)))),
      );
    };
    return {
      totals: live((log, current) => log.totals(current)),
      breakdown: grouping => live((log, current) => log.breakdown(grouping, current)),
      recentCalls: (page = {}) => live((log, current) => log.recentCalls({...current, ...page})),
    };
  });
}

/** The configured log, or `undefined` on the server. */
function usageLog(): LlmUsageLog | undefined {
  if (isPlatformServer(inject(PLATFORM_ID))) return undefined;
  const log = inject(_LLM_LOGGING, {optional: true})?.log;
  if (!log && (typeof ngDevMode === 'undefined' || ngDevMode)) {
    throw new LlmConfigurationError(
      'llm-rx: injectLlmUsage() reads the log of withLogging(), and none is configured. Add ' +
        'provideLlm(withLogging(loggedLlm, () => ({log: createLlmCallLog()}))) with loggedLlm and createLlmCallLog ' +
        "from 'llm-rx/logging'.",
    );
  }
  return log;
}
