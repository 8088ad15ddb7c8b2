import {ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal} from '@angular/core';
import type {Subscription} from 'rxjs';
import {formatCount} from '../common/format';
import {DemoSettingsStore} from '../settings/demo-settings-store';
import {DemoTelemetry} from './demo-telemetry';
import {describeReplay, replayCancelled, replayCompleted, type ReplayState} from './replay-state';
import {SentSpanTree} from './sent-span-tree';
import {SENT_SPANS_CAP} from './sent-spans';
import {otlpUrlsOf} from './telemetry-settings';
import {DemoTelemetrySettingsStore} from './telemetry-settings-store';

/**
 * What the demo sends over OpenTelemetry: the switch, the endpoint and content capture (saved in `localStorage`),
 * the spans exported (as trees, the last 200) and the metric points, and a replay of the call log's history.
 */
@Component({
  selector: 'app-telemetry-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SentSpanTree],
  template: `
    @let current = store.settings();
    <h1>Telemetry</h1>
    <p class="intro">
      With the switch on, every call is an OpenTelemetry span (and one span per attempt) following the GenAI
      conventions, with the GenAI client metrics, sent over OTLP/HTTP as JSON. This page shows what was sent.
    </p>

    <fieldset>
      <legend>Sending</legend>
      <label class="choice">
        <input
          type="checkbox"
          class="switch"
          data-testid="telemetry-switch"
          [checked]="current.isEnabled"
          (change)="store.update({isEnabled: $any($event.target).checked})"
        />
        Send telemetry
      </label>
      <label class="field">
        OTLP endpoint
        <input
          data-testid="telemetry-endpoint"
          inputmode="url"
          spellcheck="false"
          [placeholder]="mockServerUrl()"
          [value]="current.endpoint"
          (change)="store.update({endpoint: $any($event.target).value})"
        />
      </label>
      <p class="hint" data-testid="telemetry-urls">
        Spans go to <code>{{ urls().traces }}</code> and metrics to <code>{{ urls().metrics }}</code>. Empty: the mock
        server's receiver, which the Settings page's mock server URL names.
      </p>
      <label class="choice">
        <input
          type="checkbox"
          data-testid="capture-content"
          [checked]="current.captureContent"
          (change)="store.update({captureContent: $any($event.target).checked})"
        />
        Capture prompts and answers on the spans. Off by default: telemetry backends are shared and kept long, and
        prompts hold what people typed.
      </label>
      @if (telemetry.loadError(); as error) {
        <p class="warning" role="alert">OpenTelemetry could not be loaded ({{ error }}); calls go untraced.</p>
      }
    </fieldset>

    <section aria-labelledby="telemetry-sent">
      <div class="title">
        <h2 id="telemetry-sent">Sent</h2>
        <div class="actions">
          <button
            type="button"
            class="button"
            data-testid="telemetry-flush"
            [disabled]="!current.isEnabled"
            (click)="telemetry.flush()"
          >
            Send now
          </button>
          <button type="button" class="button" data-testid="telemetry-clear" (click)="telemetry.clear()">
            Clear the list
          </button>
        </div>
      </div>
      @let counts = telemetry.counts();
      <dl class="totals" data-testid="telemetry-counts">
        <div>
          <dt>Spans sent</dt>
          <dd data-testid="spans-sent">{{ count(counts.spansSent) }}</dd>
        </div>
        <div>
          <dt>Spans refused</dt>
          <dd data-testid="spans-failed">{{ count(counts.spansFailed) }}</dd>
        </div>
        <div>
          <dt>Metric points sent</dt>
          <dd data-testid="points-sent">{{ count(pointsSent()) }}</dd>
        </div>
        <div>
          <dt>Metric points refused</dt>
          <dd data-testid="points-failed">{{ count(counts.pointsFailed) }}</dd>
        </div>
      </dl>
      @if (metricRows().length > 0) {
        <div class="table-box">
          <table data-testid="metric-points">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Points sent</th>
              </tr>
            </thead>
            <tbody>
              @for (row of metricRows(); track row.name) {
                <tr>
                  <td>
                    <code>{{ row.name }}</code>
                  </td>
                  <td>{{ count(row.points) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>

    <section aria-labelledby="telemetry-history">
      <h2 id="telemetry-history">The log's history</h2>
      <p class="hint">
        Sends the calls of the local log (the dashboard's) as spans with their original times, marked
        <code>llm_rx.replayed</code>, without content. A replay that stops (cancelled, or the tab closed) resumes where
        it stopped: the log remembers the last call sent, so each call is sent once.
      </p>
      @let state = replay();
      <div class="actions">
        @if (state.kind === 'running') {
          <button type="button" class="button" data-testid="replay-cancel" (click)="cancelReplay()">Cancel</button>
        } @else {
          <button
            type="button"
            class="button"
            data-testid="replay-start"
            [disabled]="!current.isEnabled"
            (click)="startReplay()"
          >
            Send the log's history
          </button>
        }
      </div>
      @if (state.kind !== 'idle') {
        <div class="replay" data-testid="replay-status" [attr.data-state]="state.kind">
          @if (state.kind === 'failed') {
            <p class="warning" role="alert">{{ state.message }}</p>
          } @else {
            @let progress = state.progress;
            <progress
              aria-label="Calls of the history sent"
              [value]="progress?.replayed ?? 0"
              [max]="progress?.total || 1"
            ></progress>
            <p role="status">{{ replayText() }}</p>
          }
        </div>
      }
    </section>

    <section aria-labelledby="telemetry-spans">
      <h2 id="telemetry-spans">Spans</h2>
      <p class="hint">
        The last {{ cap }} spans exported, newest call first, each with its attempts (or steps and tools).
      </p>
      @if (telemetry.trees().length > 0) {
        <app-sent-span-tree [nodes]="telemetry.trees()" />
      } @else {
        <p class="empty" data-testid="no-spans">
          {{ current.isEnabled ? 'Nothing sent yet: ask something in the chat.' : 'Telemetry is off.' }}
        </p>
      }
    </section>
  `,
  styles: `
    h1 {
      font-size: 1.5rem;
    }
    section {
      margin-bottom: var(--space-6);
    }
    fieldset {
      display: grid;
      gap: var(--space-3);
      background: var(--surface);
    }
    .intro,
    .hint,
    .empty {
      color: var(--muted);
    }
    .hint,
    .empty {
      font-size: var(--text-small);
    }
    .field input {
      width: 100%;
      max-width: 28rem;
    }
    fieldset .hint {
      margin: 0;
    }
    .title {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2) var(--space-4);
      justify-content: space-between;
      align-items: center;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--space-2);
      align-items: center;
      margin-bottom: var(--space-3);
    }
    .totals {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 9.5rem), 1fr));
      gap: var(--space-3);
      margin: 0 0 var(--space-3);
    }
    .totals div {
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      padding: var(--space-2) var(--space-3);
    }
    dt {
      color: var(--muted);
      font-size: var(--text-small);
    }
    dd {
      margin: 0;
      font-size: 1.25rem;
      font-weight: 600;
    }
    progress {
      width: 100%;
      max-width: 28rem;
      accent-color: var(--accent);
    }
    .warning {
      background: var(--warning-surface);
      color: var(--text);
      padding: var(--space-2) var(--space-3);
      border-radius: var(--radius-small);
      margin: 0;
    }
  `,
})
export class TelemetryPage {
  protected readonly store = inject(DemoTelemetrySettingsStore);
  protected readonly telemetry = inject(DemoTelemetry);
  private readonly _demoSettings = inject(DemoSettingsStore);
  protected readonly cap = SENT_SPANS_CAP;
  protected readonly mockServerUrl = computed(() => this._demoSettings.settings().mockServerUrl);
  protected readonly urls = computed(() => otlpUrlsOf(this.store.settings(), this.mockServerUrl()));
  protected readonly metricRows = computed(() =>
    Object.entries(this.telemetry.counts().pointsSent)
      .map(([name, points]) => ({name, points}))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
  protected readonly pointsSent = computed(() => this.metricRows().reduce((sum, row) => sum + row.points, 0));
  protected readonly replay = signal<ReplayState>({kind: 'idle'});
  protected readonly replayText = computed(() => describeReplay(this.replay()));
  private _replaying: Subscription | undefined;

  constructor() {
    // Leaving the page stops the replay after its current page; the next one resumes from there.
    inject(DestroyRef).onDestroy(() => this._replaying?.unsubscribe());
  }

  protected count(value: number): string {
    return formatCount(value);
  }

  protected startReplay(): void {
    this._replaying?.unsubscribe();
    this.replay.set({kind: 'running', progress: null});
    this._replaying = this.telemetry.replayHistory().subscribe({
      next: progress => this.replay.set({kind: 'running', progress}),
      error: (error: unknown) =>
        this.replay.set({kind: 'failed', message: error instanceof Error ? error.message : String(error)}),
      complete: () => this.replay.update(replayCompleted),
    });
  }

  protected cancelReplay(): void {
    this._replaying?.unsubscribe();
    this._replaying = undefined;
    this.replay.update(replayCancelled);
  }
}
