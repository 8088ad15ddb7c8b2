import {InjectionToken, inject, PLATFORM_ID} from '@angular/core';
import {isPlatformBrowser} from '@angular/common';
import type {
  CascadeOptions,
  Llm,
  LlmCallFilter,
  LlmCallGrouping,
  LlmCallPage,
  LlmCallRecord,
  LlmCallStats,
  LlmCallStatsGroup,
  LlmProvider,
  LlmProviderOptions,
  LlmRequest,
  RetryBeforeFirstChunkConfig,
} from 'llm-rx';
import {animationFrameScheduler, asapScheduler, type Observable, type SchedulerLike} from 'rxjs';

/** Request fields every call of `LlmStream` gets unless the call sets them: everything but the prompt itself. */
export type LlmRequestDefaults = Omit<LlmRequest, 'userPrompt' | 'messages' | 'signal'>;

/** What `withDefaults()` configures: the model to use when a call names none, request defaults and timeouts. */
export interface LlmDefaultOptions {
  /**
   * The model a call uses when it names none: a name given to `withModel()`/`withCascade()`, or else a model id
   * of `provider`.
   */
  readonly model?: string;
  /** The provider of `model` when `model` is a model id rather than a configured name, e.g. `openai`. */
  readonly provider?: string;
  /** Request fields (system prompt, temperature, max tokens, headers, …) each call gets unless it sets them. */
  readonly request?: LlmRequestDefaults;
  /** Milliseconds to wait for the first content chunk, for every model created here; `null` waits forever. */
  readonly firstChunkTimeoutMs?: number | null;
  /** Milliseconds to wait between two chunks, for every model created here; `null` waits forever. */
  readonly idleTimeoutMs?: number | null;
}

/** The defaults of `LlmStream` when `withDefaults()` is not used: none. */
export const LLM_DEFAULT_OPTIONS = new InjectionToken<LlmDefaultOptions>('llm-rx Default Options', {
  providedIn: 'root',
  factory: (): LlmDefaultOptions => ({}),
});

/**
 * The scheduler that paces view updates of `LlmStream.text()` and `injectLlmStream()`: at most one update per
 * tick of it. Defaults to `animationFrameScheduler` in the browser (one update per frame, however fast the chunks
 * come) and to `asapScheduler` on the server, which has no frames. Tests may provide a `TestScheduler`.
 */
export const LLM_SCHEDULER = new InjectionToken<SchedulerLike>('llm-rx Scheduler', {
  providedIn: 'root',
  factory: (): SchedulerLike =>
    // Checked on the platform, not only on `requestAnimationFrame`: server DOM shims may define it.
    isPlatformBrowser(inject(PLATFORM_ID)) && typeof requestAnimationFrame === 'function'
      ? animationFrameScheduler
      : asapScheduler,
});

/** A provider registered with `withProvider()`, with the options its models get. */
export interface _LlmProviderEntry {
  readonly provider: LlmProvider;
  readonly options?: LlmProviderOptions;
}

/** How a named model is made: by a provider, from a model id and options. */
export interface LlmModelSpec {
  /** The provider's name, e.g. `openai`: one given to `withProvider()` or registered with `registerLlmProvider()`. */
  readonly provider: string;
  /** The model id, e.g. `gpt-5-mini`. */
  readonly model: string;
  /**
   * Options for this model, over the provider's options from `withProvider()`: options typed as
   * `LlmProviderOptions` (or a provider's own options type), or a literal that adds options of that provider.
   */
  readonly options?: LlmProviderOptions | (LlmProviderOptions & Readonly<Record<string, unknown>>);
}

/** A named model or cascade, as `withModel()` and `withCascade()` configure it. */
export type _LlmModelEntry =
  | {readonly kind: 'model'; readonly name: string; readonly model: Llm | LlmModelSpec}
  | {
      readonly kind: 'cascade';
      readonly name: string;
      readonly models: readonly (string | Llm | LlmModelSpec)[];
      readonly options?: CascadeOptions;
    };

/**
 * What `injectLlmUsage()` reads from a call log: the live queries of `LlmCallLog` from `llm-rx/logging`. Spelled
 * out rather than picked from `LlmCallLog`, because llm-rx/angular never loads llm-rx/logging, and its types must
 * not need Dexie's (an app that logs passes its log in).
 */
export interface LlmUsageLog {
  /**
   * Live totals of the calls matching a filter.
   * @param filter Which calls; default all.
   * @returns The totals, then new totals whenever the log changes.
   */
  totals(filter?: LlmCallFilter): Observable<LlmCallStats>;
  /**
   * Live totals grouped by provider, model or UTC day.
   * @param grouping What to group by.
   * @param filter Which calls; default all.
   * @returns The groups in key order, then new ones whenever the log changes.
   */
  breakdown(grouping: LlmCallGrouping, filter?: LlmCallFilter): Observable<LlmCallStatsGroup[]>;
  /**
   * Recent calls, newest first, live.
   * @param page Filters and paging (`offset`, `limit` 50).
   * @returns The page, then a new page whenever the log changes.
   */
  recentCalls(page?: LlmCallPage): Observable<LlmCallRecord[]>;
}

/** The logging of `withLogging()`: how each model is wrapped, and the log `injectLlmUsage()` reads. */
export interface _LlmLogging {
  readonly wrap: (llm: Llm) => Llm;
  readonly log: LlmUsageLog | undefined;
}

/** The providers of `withProvider()`, one entry each. */
export const _LLM_PROVIDERS = new InjectionToken<readonly _LlmProviderEntry[]>('llm-rx Providers');
/** The named models and cascades of `withModel()` and `withCascade()`, one entry each. */
export const _LLM_MODELS = new InjectionToken<readonly _LlmModelEntry[]>('llm-rx Models');
/** The retry policy of `withRetry()`. */
export const _LLM_RETRY = new InjectionToken<RetryBeforeFirstChunkConfig>('llm-rx Retry');
/** The logging of `withLogging()`, made at first use in the browser only. */
export const _LLM_LOGGING = new InjectionToken<_LlmLogging>('llm-rx Logging');
