import {ChangeDetectionStrategy, Component, inject, signal} from '@angular/core';
import {DEMO_CATALOG, DEMO_PRESETS, DEMO_PROVIDERS, type DemoProviderName} from '../common/provider-catalog';
import type {DemoConnection} from './demo-settings';
import {DemoSettingsStore} from './demo-settings-store';

/** Where calls go (simulated providers or the real APIs through the demo proxy), timeouts, and opt-in browser keys. */
@Component({
  selector: 'app-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = store.settings();
    <h1>Settings</h1>
    <fieldset>
      <legend>Providers</legend>
      <label class="choice">
        <input
          type="radio"
          name="connection"
          data-testid="connection-simulated"
          [checked]="current.connection === 'simulated'"
          (change)="setConnection('simulated')"
        />
        Simulated providers — the mock server, no keys, no internet, no cost
      </label>
      <label class="choice">
        <input
          type="radio"
          name="connection"
          data-testid="connection-proxy"
          [checked]="current.connection === 'proxy'"
          (change)="setConnection('proxy')"
        />
        Real providers through the demo proxy, which adds the keys on the server
      </label>

      @if (current.connection === 'simulated') {
        <label class="field">
          Mock server
          <input
            data-testid="mock-server-url"
            [value]="current.mockServerUrl"
            (change)="store.update({mockServerUrl: $any($event.target).value})"
          />
        </label>
        <p class="check">
          <button type="button" class="button" data-testid="check-mock" (click)="checkMockServer()">Check</button>
          <span data-testid="mock-health" role="status">{{ mockHealth() }}</span>
        </p>
        <p class="hint">
          Start it with <code>npm start</code> (it also serves this page) or <code>npm run mock-providers</code>.
        </p>
      } @else {
        <label class="field">
          Proxy
          <input
            data-testid="proxy-url"
            [value]="current.proxyUrl"
            (change)="store.update({proxyUrl: $any($event.target).value})"
          />
        </label>
        <p class="hint">
          Run <code>npm start</code> with the keys in the environment: it starts the demo proxy
          (<code>llm-rx/proxy</code>, port 4020), which forwards <code>{{ current.proxyUrl }}/&lt;provider&gt;</code> to
          the provider and adds the key there; the page never sees it. It serves only the providers whose key is set and
          the models of the pickers, within small limits (a dollar a day: <code>LLM_RX_PROXY_COST_PER_DAY_USD</code>
          changes it).
        </p>
        <div class="table-box">
          <table>
            <thead>
              <tr>
                <th>Provider</th>
                <th>Proxy route</th>
                <th>Key from</th>
              </tr>
            </thead>
            <tbody>
              @for (info of providers; track info.name) {
                <tr>
                  <td>{{ info.label }}</td>
                  <td>
                    <code>/api/{{ info.name }}</code>
                  </td>
                  <td>
                    <code>{{ info.keyVariable }}</code>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </fieldset>

    <fieldset>
      <legend>Timeouts</legend>
      <label class="field">
        First chunk (ms)
        <input
          type="number"
          min="1"
          data-testid="first-chunk-timeout"
          [value]="current.firstChunkTimeoutMs"
          (change)="store.update({firstChunkTimeoutMs: +$any($event.target).value})"
        />
      </label>
      <label class="field">
        Between chunks (ms)
        <input
          type="number"
          min="1"
          data-testid="idle-timeout"
          [value]="current.idleTimeoutMs"
          (change)="store.update({idleTimeoutMs: +$any($event.target).value})"
        />
      </label>
    </fieldset>

    @if (current.connection === 'proxy') {
      <fieldset data-testid="presets">
        <legend>OpenAI-compatible services and local models</legend>
        <p class="hint">
          The <code>llm-rx/compatible</code> presets. Ollama and LM Studio run on this machine: the page calls them
          directly, with no key, once their CORS setting lets this origin in. A hosted preset takes a key typed in below
          (or a proxy route for it); in simulated mode every preset answers from the mock server.
        </p>
        <div class="table-box">
          <table>
            <thead>
              <tr>
                <th>Preset</th>
                <th>Base URL</th>
                <th>Key</th>
                <th>Browser (CORS)</th>
              </tr>
            </thead>
            <tbody>
              @for (info of presets; track info.name) {
                <tr [attr.data-testid]="'preset-' + info.name">
                  <td>{{ info.label }}</td>
                  <td>
                    <code>{{ info.baseURL }}</code>
                  </td>
                  <td>
                    @if (info.local) {
                      none (local)
                    } @else {
                      <code>{{ info.keyVariable }}</code>
                    }
                  </td>
                  <td>{{ info.local?.corsNote ?? 'through a proxy, or a typed-in key' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </fieldset>
      <fieldset>
        <legend>Keys in the browser (not recommended)</legend>
        <label class="risk choice">
          <input
            type="checkbox"
            class="switch"
            data-testid="allow-keys"
            [checked]="store.isKeyEntryAllowed()"
            (change)="store.allowKeyEntry($any($event.target).checked)"
          />
          I understand that a key typed here is readable by every script on this page (extensions, injected code) and is
          sent from the browser straight to the provider's own API, not through the proxy (which only ever uses the
          server's keys and applies no limit to these calls); a provider that refuses calls from browsers (CORS) fails.
          It is kept in memory only: never stored, never logged, gone on reload. Prefer the proxy's server-side keys.
        </label>
        @if (store.isKeyEntryAllowed()) {
          @for (info of keyProviders; track info.name) {
            <label class="field">
              {{ info.label }}
              <input
                type="password"
                autocomplete="off"
                spellcheck="false"
                [attr.data-testid]="'key-' + info.name"
                [value]="store.keys()[info.name] ?? ''"
                (change)="setKey(info.name, $any($event.target).value)"
              />
            </label>
          }
        }
      </fieldset>
    }
  `,
  styles: `
    h1 {
      font-size: 1.5rem;
    }
    fieldset {
      display: grid;
      gap: var(--space-3);
      background: var(--surface);
    }
    .field input {
      width: 100%;
      max-width: 24rem;
    }
    .check {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--space-3);
      margin: 0;
    }
    .hint,
    .risk {
      font-size: var(--text-small);
      color: var(--muted);
      margin: 0;
    }
  `,
})
export class SettingsPage {
  protected readonly store = inject(DemoSettingsStore);
  protected readonly providers = DEMO_PROVIDERS;
  protected readonly presets = DEMO_PRESETS;
  /** Every provider that takes a key: the five adapters and the hosted presets (a local server needs none). */
  protected readonly keyProviders = DEMO_CATALOG.filter(info => !info.local);
  protected readonly mockHealth = signal('');

  protected setConnection(connection: DemoConnection): void {
    this.store.update({connection});
  }

  protected setKey(provider: DemoProviderName, key: string): void {
    this.store.setKey(provider, key);
  }

  protected async checkMockServer(): Promise<void> {
    this.mockHealth.set('Checking…');
    try {
      const response = await fetch(`${this.store.settings().mockServerUrl}/__mock/health`);
      this.mockHealth.set(response.ok ? 'The mock server answers.' : `The mock server answered ${response.status}.`);
    } catch {
      this.mockHealth.set('No answer: is the mock server running (npm start)?');
    }
  }
}
