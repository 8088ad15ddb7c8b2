import type {Llm, LlmChunk, LlmRequest} from 'llm-rx';
import {defer, type Observable} from 'rxjs';

/**
 * Wraps an Observable factory as an `Llm`, for marble tests with `cold()` children.
 *
 * The factory runs at every subscription, as a real provider sends one request per subscription; return the same
 * `cold()` Observable each time to check its `subscriptions` with `expectSubscriptions`.
 *
 * ```ts
 * createLlmTestScheduler().run(({cold, expectSubscriptions}) => {
 *   const failing = cold('--#', {}, new LlmProviderError('down', {provider: 'a', statusCode: 503}));
 *   const primary = llmFromObservable('a', 'model-a', () => failing);
 *   // …subscribe to something built on `primary`, then:
 *   expectSubscriptions(failing.subscriptions).toBe('^-!');
 * });
 * ```
 * @param provider The `provider` the `Llm` reports.
 * @param model The `model` the `Llm` reports.
 * @param factory Returns the chunks for a request.
 * @returns An `Llm` whose `stream(request)` is `defer(() => factory(request))`.
 */
export function llmFromObservable(
  provider: string,
  model: string,
  factory: (request: LlmRequest) => Observable<LlmChunk>,
): Llm {
  return {provider, model, stream: request => defer(() => factory(request))};
}
