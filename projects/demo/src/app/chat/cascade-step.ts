import type {LlmModelSpec, LlmStreamOptions} from 'llm-rx/angular';
import {DEMO_PROVIDERS, type DemoProviderName} from '../common/provider-catalog';

/** One entry of the chat's cascade editor: a provider and one of its models. */
export interface CascadeStep {
  readonly provider: DemoProviderName;
  readonly model: string;
}

/**
 * What to ask for a list of steps, as `LlmStream` options: the step's own model for one, a cascade for two or more.
 * @param steps The steps, most preferred first; at least one.
 * @param specOf The model spec of one step: its provider, model and options.
 * @returns `{model}` for one step, `{cascade}` for more.
 */
export function streamOptionsForSteps(
  steps: readonly CascadeStep[],
  specOf: (step: CascadeStep) => LlmModelSpec,
): LlmStreamOptions {
  const models = steps.map(specOf);
  return models.length === 1 ? {model: models[0]} : {cascade: models};
}

/**
 * The step to add as the next fallback: the default model of the first provider not yet in the list.
 * @param steps The current steps.
 * @returns The new step.
 */
export function nextFallbackStep(steps: readonly CascadeStep[]): CascadeStep {
  const used = new Set(steps.map(step => step.provider));
  const next = DEMO_PROVIDERS.find(info => !used.has(info.name)) ?? DEMO_PROVIDERS[0];
  return {provider: next.name, model: next.defaultModel};
}

/**
 * A copy of the steps with one moved by an offset; unchanged when the move leaves the list.
 * @param steps The steps.
 * @param index The step to move.
 * @param offset `-1` moves it up (earlier), `1` down.
 * @returns The reordered steps.
 */
export function moveStep(steps: readonly CascadeStep[], index: number, offset: -1 | 1): CascadeStep[] {
  const target = index + offset;
  const moved = [...steps];
  if (index < 0 || index >= steps.length || target < 0 || target >= steps.length) return moved;
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}
