import {DOCUMENT} from '@angular/common';
import {computed, DestroyRef, effect, inject, Injectable, Injector, signal} from '@angular/core';
import type {Llm, LlmChunk, LlmRequest, LlmToolLoopOptions} from 'llm-rx';
import type {LlmTelemetryHooks} from 'llm-rx/angular';
import type {LlmReplayProgress} from 'llm-rx/telemetry';
import {defer, from, type Observable, switchMap} from 'rxjs';
import {DEMO_CALL_LOG} from '../common/demo-call-log';
import {DemoSettingsStore} from '../settings/demo-settings-store';
import type {OtelSession} from './otel-session';
import type {RecordedMetricExport} from './recording-metric-exporter';
import type {RecordedSpanBatch} from './recording-span-exporter';
import {keepNewest, type SentSpan, sentSpansOf, sentSpanTrees} from './sent-spans';
import {SwitchableTelemetry} from './switchable-telemetry';
import {DEMO_SERVICE_NAME, type OtlpUrls, otlpUrlsOf} from './telemetry-settings';
import {DemoTelemetrySettingsStore} from './telemetry-settings-store';

/** What the session sends with, when telemetry is on. */
interface SessionConfig {
  readonly urls: OtlpUrls;
  readonly captureContent: boolean;
}

/** Counts of what was exported, beyond the spans the page keeps. */
export interface TelemetryCounts {
  readonly spansSent: number;
  readonly spansFailed: number;
  readonly metricExports: number;
  readonly metricExportsFailed: number;
  /** Data points accepted by the endpoint, by metric name. */
  readonly pointsSent: Readonly<Record<string, number>>;
  readonly pointsFailed: number;
}

const NO_COUNTS: TelemetryCounts = {
  spansSent: 0,
  spansFailed: 0,
  metricExports: 0,
  metricExportsFailed: 0,
  pointsSent: {},
  pointsFailed: 0,
};

/**
 * The demo's OpenTelemetry, switched by its settings: given to `withTelemetry()`, it traces each call when
 * "Send telemetry" is on and passes it through untouched when off. The OpenTelemetry SDK (`otel-session.ts`) is
 * loaded with `import()` at the first call made while on, and replaced when the endpoint or content capture
 * change (`SwitchableTelemetry`). It keeps what was exported for the Telemetry page, and flushes when the page is
 * hidden.
 */
@Injectable({providedIn: 'root'})
export class DemoTelemetry implements LlmTelemetryHooks {
  private readonly _store = inject(DemoTelemetrySettingsStore);
  private readonly _demoSettings = inject(DemoSettingsStore);
  private readonly _injector = inject(Injector);
  private readonly _spans = signal<readonly SentSpan[]>([]);
  private readonly _counts = signal<TelemetryCounts>(NO_COUNTS);
  private readonly _loadError = signal<string | null>(null);

  /** Where and how the session sends, or `null` when telemetry is off. */
  readonly config = computed<SessionConfig | null>(() => {
    const settings = this._store.settings();
    if (!settings.isEnabled) return null;
    const urls = otlpUrlsOf(settings, this._demoSettings.settings().mockServerUrl);
    return {urls, captureContent: settings.captureContent};
  });
  /** The exported spans kept (the last 200), newest first. */
  readonly spans = this._spans.asReadonly();
  /** The kept spans as trees: calls with their attempts, loops with their steps and tools. */
  readonly trees = computed(() => sentSpanTrees(this._spans()));
  /** What was exported since the page loaded. */
  readonly counts = this._counts.asReadonly();
  /** Why the OpenTelemetry SDK could not be loaded, if it could not. */
  readonly loadError = this._loadError.asReadonly();

  private readonly _switchable = new SwitchableTelemetry<SessionConfig, OtelSession>({
    config: () => this.config(),
    start: config => this._start(config),
  });

  constructor() {
    // A session made for other settings stops (after sending what it holds); the next call starts a new one.
    effect(() => {
      this.config();
      this._switchable.reconcile();
    });
    const document = inject(DOCUMENT);
    // The tab may be closed while hidden: send what is held now (the exporters send with keepalive).
    const flushWhenHidden = (event: Event) => {
      if (event.type === 'pagehide' || document.visibilityState === 'hidden') void this.flush();
    };
    document.addEventListener('visibilitychange', flushWhenHidden);
    document.defaultView?.addEventListener('pagehide', flushWhenHidden);
    inject(DestroyRef).onDestroy(() => {
      document.removeEventListener('visibilitychange', flushWhenHidden);
      document.defaultView?.removeEventListener('pagehide', flushWhenHidden);
      this._switchable.stop();
    });
  }

  traceLlm(llm: Llm): Llm {
    return this._switchable.traceLlm(llm);
  }

  runTools(llm: Llm, request: LlmRequest, options?: LlmToolLoopOptions): Observable<LlmChunk> {
    return this._switchable.runTools(llm, request, options);
  }

  /**
   * Sends what the running session holds now (spans in the batch processor, metrics in the reader).
   * @returns Resolves once sent (or refused); at once when no session runs.
   */
  async flush(): Promise<void> {
    const session = await this._switchable.running();
    await session?.flush().catch(() => undefined);
  }

  /**
   * Sends the call log's history as spans, resuming after the last call a previous replay sent.
   * @returns Progress; an error when telemetry is off.
   */
  replayHistory(): Observable<LlmReplayProgress> {
    return defer(() => {
      const session = this._switchable.session();
      if (session === undefined) throw new Error('Switch "Send telemetry" on first.');
      // The call log is a replay source: it reads its history in pages and remembers how far a replay got.
      const source = this._injector.get(DEMO_CALL_LOG);
      return from(session).pipe(
        switchMap(started => {
          if (started === null) throw new Error(this._loadError() ?? 'OpenTelemetry could not be loaded.');
          return started.replay(source);
        }),
      );
    });
  }

  /** Forgets the kept spans and counts (what was sent stays sent). */
  clear(): void {
    this._spans.set([]);
    this._counts.set(NO_COUNTS);
  }

  private async _start(config: SessionConfig): Promise<OtelSession | null> {
    try {
      const {startOtelSession} = await import('./otel-session');
      this._loadError.set(null);
      return startOtelSession({
        ...config,
        serviceName: DEMO_SERVICE_NAME,
        onSpans: batch => this._recordSpans(batch),
        onMetrics: recorded => this._recordMetrics(recorded),
      });
    } catch (error) {
      // A failed chunk load (offline, a new deployment) must not fail the call: it goes untraced.
      this._loadError.set(error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  private _recordSpans(batch: RecordedSpanBatch): void {
    this._spans.update(kept => keepNewest(kept, sentSpansOf(batch)));
    this._counts.update(counts =>
      batch.isExported
        ? {...counts, spansSent: counts.spansSent + batch.spans.length}
        : {...counts, spansFailed: counts.spansFailed + batch.spans.length},
    );
  }

  private _recordMetrics({points, isExported}: RecordedMetricExport): void {
    this._counts.update(counts => {
      if (!isExported) {
        const failed = Object.values(points).reduce((sum, count) => sum + count, 0);
        return {
          ...counts,
          metricExportsFailed: counts.metricExportsFailed + 1,
          pointsFailed: counts.pointsFailed + failed,
        };
      }
      const pointsSent = {...counts.pointsSent};
      for (const [name, count] of Object.entries(points)) pointsSent[name] = (pointsSent[name] ?? 0) + count;
      return {...counts, metricExports: counts.metricExports + 1, pointsSent};
    });
  }
}
