/*
 * Every llm-rx/compatible preset as the integration suites run it: its provider, and the mock provider server's
 * route for its service (its real base URL's path under its name, e.g. `/groq/openai/v1`). Spec support only.
 */
import type {LlmProvider} from 'llm-rx';
import {
  deepInfraProvider,
  fireworksProvider,
  groqProvider,
  LLM_COMPATIBLE_PRESETS,
  type LlmCompatibleOptions,
  type LlmCompatiblePreset,
  lmStudioProvider,
  mistralProvider,
  moonshotProvider,
  ollamaProvider,
  openRouterProvider,
  togetherProvider,
  xaiProvider,
} from 'llm-rx/compatible';
import {MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';

/** One preset, its provider and its mock base URL. */
export interface CompatibleTarget {
  readonly preset: LlmCompatiblePreset;
  readonly provider: LlmProvider<LlmCompatibleOptions>;
  readonly mockBaseURL: string;
}

const PROVIDERS: Readonly<Record<string, LlmProvider<LlmCompatibleOptions>>> = {
  groq: groqProvider,
  together: togetherProvider,
  fireworks: fireworksProvider,
  openrouter: openRouterProvider,
  deepinfra: deepInfraProvider,
  mistral: mistralProvider,
  xai: xaiProvider,
  moonshot: moonshotProvider,
  ollama: ollamaProvider,
  lmstudio: lmStudioProvider,
};

/** Every preset, in the README's order; a preset without a provider here fails at import. */
export const COMPATIBLE_TARGETS: readonly CompatibleTarget[] = LLM_COMPATIBLE_PRESETS.map(preset => {
  const provider = PROVIDERS[preset.name];
  if (!provider) throw new Error(`compatible-targets: no provider for the preset "${preset.name}"`);
  return {preset, provider, mockBaseURL: `${MOCK_PROVIDERS_URL}/${preset.name}${new URL(preset.baseURL).pathname}`};
});

/**
 * A preset's target.
 * @param name The preset's name.
 * @returns Its target.
 */
export function compatibleTarget(name: string): CompatibleTarget {
  const target = COMPATIBLE_TARGETS.find(candidate => candidate.preset.name === name);
  if (!target) throw new Error(`compatible-targets: no preset "${name}"`);
  return target;
}
