import type {Llm} from './llm';

/**
 * Loads what a model's first call needs ahead of it: the provider's SDK (a chunk of its own in a browser app) and
 * the model's client, for every child of a cascade and through every `wrapLlm()` wrapper (retry, logging). Sends
 * no request and no key. Idempotent: the SDK is loaded once per app and the client once per model, so calling it
 * again, or calling the model, reuses them. A model without `preload()` (e.g. a `MockLlm`) resolves at once.
 *
 * ```ts
 * const llm = createOpenAiLlm('gpt-5-mini', {baseURL: '/api/openai/v1'});
 * // When the user focuses the prompt, before they send it:
 * input.addEventListener('focus', () => void preloadLlm(llm).catch(() => {}), {once: true});
 * ```
 * @param llm The model, cascade or wrapper.
 * @returns Resolves once everything is loaded.
 * @throws LlmConfigurationError (as a rejection) when a provider's SDK cannot be loaded, naming the package to
 *   install; a later `preloadLlm()` or call tries again.
 */
export function preloadLlm(llm: Llm): Promise<void> {
  // An async function, so that a preload that throws synchronously rejects instead.
  return (async () => {
    await llm.preload?.();
  })();
}
