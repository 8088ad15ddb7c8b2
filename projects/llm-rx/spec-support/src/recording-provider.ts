import type {Llm, LlmProvider, LlmProviderOptions} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';

/** A provider that creates MockLlms answering with its name and model, and records what it created. */
export function recordingProvider(
  name: string,
): LlmProvider & {created: {model: string; options?: LlmProviderOptions}[]} {
  const created: {model: string; options?: LlmProviderOptions}[] = [];
  return {
    name,
    created,
    create(model: string, options?: LlmProviderOptions): Llm {
      created.push({model, options});
      return new MockLlm({provider: name, model, script: {chunks: [`${name}/${model}`]}});
    },
  };
}
