import {ChangeDetectionStrategy, Component, computed, input, model} from '@angular/core';
import {type DemoProviderName, demoProvider} from '../common/provider-catalog';
import {MOCK_SCENARIO_PRESETS, type MockScenarioPreset, presetIdOf} from './mock-scenarios';

/** The scenario each simulated provider plays, sent as its `x-mock-scenario` header. */
export type MockScenarios = Readonly<Partial<Record<DemoProviderName, string>>>;

/**
 * Picks what the simulated providers do: a preset (normal, slow, 529 before content, dropped, stalled, …) or a
 * scenario string of the mock provider server, per provider. The chat's presets unless given others (the Extract
 * page gives its own); a provider without a scenario plays the first preset.
 */
@Component({
  selector: 'app-simulate-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset>
      <legend>Simulate</legend>
      @for (row of rows(); track row.provider) {
        <div class="row" [attr.data-testid]="'simulate-' + row.provider">
          <label [for]="'preset-' + row.provider">{{ row.label }}</label>
          <select
            [id]="'preset-' + row.provider"
            data-testid="scenario-preset"
            (change)="pick(row.provider, $any($event.target).value)"
          >
            @for (preset of presets(); track preset.id) {
              <option [value]="preset.id" [selected]="preset.id === row.presetId">{{ preset.label }}</option>
            }
            <option value="custom" [selected]="row.presetId === 'custom'">Custom…</option>
          </select>
          <input
            class="scenario"
            aria-label="Scenario header"
            data-testid="scenario-text"
            spellcheck="false"
            [value]="row.scenario"
            (input)="set(row.provider, $any($event.target).value)"
          />
        </div>
      }
      <p class="hint">
        Sent as the <code>x-mock-scenario</code> header; keys are listed in
        <code>projects/mock-providers/README.md</code>.
      </p>
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
      container-type: inline-size;
    }
    fieldset {
      border: 1px dashed var(--border);
      border-radius: 6px;
      /* A fieldset is as wide as its content by default; this lets it shrink to the page. */
      min-width: 0;
    }
    .row {
      display: grid;
      grid-template-columns: 8rem minmax(0, 16rem) minmax(0, 1fr);
      gap: 0.35rem;
      align-items: center;
      margin-bottom: 0.3rem;
    }
    /* In a narrow place (a phone, the chat's settings panel) the label, the preset and the scenario stack. */
    @container (max-width: 40rem) {
      .row {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    select,
    .scenario {
      min-width: 0;
      max-width: 100%;
    }
    .scenario {
      font-family: ui-monospace, monospace;
      font-size: 0.8rem;
    }
    .hint {
      font-size: 0.8rem;
      color: var(--muted);
      margin: 0.2rem 0 0;
    }
  `,
})
export class SimulatePanel {
  /** The providers in the current cascade. */
  readonly providers = input.required<readonly DemoProviderName[]>();
  /** The scenario of each provider; a provider without one plays the default. */
  readonly scenarios = model.required<MockScenarios>();
  /** The presets to offer, the default first; the chat's unless given. */
  readonly presets = input<readonly MockScenarioPreset[]>(MOCK_SCENARIO_PRESETS);

  protected readonly rows = computed(() =>
    [...new Set(this.providers())].map(provider => {
      const scenario = this.scenarios()[provider] ?? this.presets()[0].scenario;
      return {provider, label: demoProvider(provider).label, scenario, presetId: presetIdOf(scenario, this.presets())};
    }),
  );

  protected pick(provider: DemoProviderName, presetId: string): void {
    const preset = this.presets().find(candidate => candidate.id === presetId);
    // "Custom" keeps the current string for editing.
    if (preset) this.set(provider, preset.scenario);
  }

  protected set(provider: DemoProviderName, scenario: string): void {
    this.scenarios.set({...this.scenarios(), [provider]: scenario});
  }
}
