import type {Llm} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';

/**
 * A model whose `preload()` is a spy, for the preload specs.
 * @param model The model id.
 * @returns The model, its `preload` spy, and the mock that answers its calls (to count subscriptions).
 */
export function preloadableLlm(model: string): {llm: Llm; preload: jasmine.Spy; mock: MockLlm} {
  const mock = new MockLlm({script: {chunks: ['Hi']}, model});
  const preload = jasmine.createSpy(`preload ${model}`).and.resolveTo(undefined);
  const llm: Llm = {provider: mock.provider, model, stream: request => mock.stream(request), preload};
  return {llm, preload, mock};
}
