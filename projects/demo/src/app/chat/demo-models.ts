import {inject, Injectable} from '@angular/core';
import type {LlmStreamOptions} from 'llm-rx/angular';
import {demoProviderOptions} from '../settings/demo-provider-options';
import {DemoSettingsStore} from '../settings/demo-settings-store';
import {demoProvider} from '../common/provider-catalog';
import {type CascadeStep, streamOptionsForSteps} from './cascade-step';
import type {MockScenarios} from './simulate-panel';

/** Which models a chat call asks under the current settings: one provider's model, or a cascade of them. */
@Injectable({providedIn: 'root'})
export class DemoModels {
  private readonly _settings = inject(DemoSettingsStore);

  /**
   * The models of a call, for `start(request, options)` of `injectLlmStream()`. Read at each call, so that changed
   * settings, scenarios and keys apply at once: `provideLlm()` creates the models for that call through its
   * `withProvider()`, with its retry and logging.
   * @param steps The providers and models, most preferred first.
   * @param scenarios The mock scenario of each simulated provider.
   * @returns The model (`{model}`) or the cascade (`{cascade}`) to ask, as model specs.
   */
  forCall(steps: readonly CascadeStep[], scenarios: MockScenarios): LlmStreamOptions {
    const settings = this._settings.settings();
    const keys = this._settings.keys();
    return streamOptionsForSteps(steps, step => ({
      provider: step.provider,
      model: step.model,
      options: demoProviderOptions(demoProvider(step.provider), settings, {
        scenario: scenarios[step.provider],
        apiKey: keys[step.provider],
      }),
    }));
  }
}
