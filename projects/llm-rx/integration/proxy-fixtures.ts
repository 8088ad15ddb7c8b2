// The proxy suites' one way to point a provider target at llm-rx/proxy. Spec support only.
import type {Llm} from 'llm-rx';
import type {LlmProxyServer} from '@llm-rx/spec-support/node';
import type {AnyOptions, ProviderTarget} from './bad-input-targets';

/**
 * A target's model through the proxy: the proxy's base URL and no key (llm-rx then sends its placeholder), keeping
 * the target's API choice (OpenAI chat or responses).
 * @param target The provider target.
 * @param proxy The running proxy.
 * @param options More options (e.g. an app credential as `apiKey`).
 * @param model The model; default the target's.
 * @returns The model.
 */
export function proxiedLlm(
  target: ProviderTarget,
  proxy: LlmProxyServer,
  options: AnyOptions = {},
  model = target.model,
): Llm {
  const api = target.baseOptions['api'];
  return target.create(model, {...(api ? {api} : {}), baseURL: proxy.baseURLOf(target.family), ...options});
}
