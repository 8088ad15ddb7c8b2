import {DOCUMENT} from '@angular/common';
import {inject, Injectable} from '@angular/core';
import type {Llm} from 'llm-rx';
import {demoProviderOptions} from '../settings/demo-provider-options';
import {DemoSettingsStore} from '../settings/demo-settings-store';
import {demoProvider} from '../shared/provider-catalog';
import {type CascadeStep, llmForSteps} from './cascade-step';
import type {MockScenarios} from './simulate-panel';

/** Creates the model a chat call asks, under the current settings: one provider's model, or a cascade. */
@Injectable({providedIn: 'root'})
export class DemoLlmFactory {
  private readonly _settings = inject(DemoSettingsStore);
  private readonly _origin = inject(DOCUMENT).location.origin;

  /**
   * The model for a call. Created per call, so that changed settings, scenarios and keys apply at once; an SDK
   * client is made at the model's first request, so this costs nothing until then.
   * @param steps The providers and models, most preferred first.
   * @param scenarios The mock scenario of each simulated provider.
   * @returns The model.
   */
  create(steps: readonly CascadeStep[], scenarios: MockScenarios): Llm {
    const settings = this._settings.settings();
    const keys = this._settings.keys();
    return llmForSteps(steps, step => {
      const info = demoProvider(step.provider);
      const options = demoProviderOptions(info, settings, {
        origin: this._origin,
        scenario: scenarios[step.provider],
        apiKey: keys[step.provider],
      });
      return info.provider.create(step.model, options);
    });
  }
}
