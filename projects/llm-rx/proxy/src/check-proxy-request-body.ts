import type {ProxyRefusal} from './proxy-refusal';
import type {ProxyRequestBody} from './proxy-routes';
import type {ResolvedProxyRoute} from './resolve-proxy-route';

/** A request body the proxy accepts, ready to forward. */
export interface CheckedProxyBody {
  readonly model: string;
  /** The body to send upstream: with the output-token cap when it had none, and usage asked for in the stream. */
  readonly body: string;
  /** The output tokens the request may produce: its own `max_tokens` (or its API's name for it), else the cap. */
  readonly outputTokenCap: number;
  /** The body as it was parsed, before the cap and usage reporting were added (e.g. to find its images). */
  readonly parsed: ProxyRequestBody;
}

/**
 * Whether a model is allowed: listed exactly, or under a listed prefix ending in `*`.
 * @param model The model asked for.
 * @param allowed The allowed ids and prefixes.
 * @returns Whether it is allowed.
 */
export function isModelAllowed(model: string, allowed: readonly string[]): boolean {
  return allowed.some(entry => (entry.endsWith('*') ? model.startsWith(entry.slice(0, -1)) : model === entry));
}

/**
 * Checks a request body before any upstream call: JSON, streamed, a model the proxy serves for this provider, an
 * output-token cap within the proxy's; and rewrites it with the cap (when it had none) and usage reporting on.
 * @param text The body's text.
 * @param route The provider endpoint it is for.
 * @param policy The allowed models and the proxy's output-token cap.
 * @returns The body to forward, or the refusal.
 */
export function checkProxyRequestBody(
  text: string,
  route: ResolvedProxyRoute,
  policy: {readonly allowedModels: readonly string[]; readonly maxOutputTokens: number},
): CheckedProxyBody | ProxyRefusal {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {reason: 'invalid-request', message: `the ${route.provider} request body is not JSON`};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {reason: 'invalid-request', message: `the ${route.provider} request body must be a JSON object`};
  }
  const body = parsed as ProxyRequestBody;
  const {endpoint} = route;
  const model = endpoint.modelOf(route.path, body);
  if (model === undefined || model === '') {
    return {reason: 'invalid-request', message: `the ${route.provider} request names no model`};
  }
  if (!isModelAllowed(model, policy.allowedModels)) {
    return {
      reason: 'model-not-allowed',
      message: `the proxy does not serve the ${route.provider} model ${model}: use one of ${policy.allowedModels.join(', ')}`,
    };
  }
  const shapeProblem = endpoint.shapeProblemOf(body, route.query);
  if (shapeProblem) return {reason: 'invalid-request', message: shapeProblem};
  const asked = endpoint.maxTokensOf(body);
  if (asked !== undefined && !(Number.isInteger(asked) && (asked as number) > 0)) {
    return {
      reason: 'invalid-request',
      message: `the request's output-token cap must be a positive integer, not ${JSON.stringify(asked)}`,
    };
  }
  if (typeof asked === 'number' && asked > policy.maxOutputTokens) {
    return {
      reason: 'max-tokens-too-large',
      message: `the request asks for up to ${asked} output tokens; this proxy allows ${policy.maxOutputTokens}: lower maxTokens`,
      limit: policy.maxOutputTokens,
      used: asked,
    };
  }
  const capped = typeof asked === 'number' ? body : endpoint.withMaxTokens(body, policy.maxOutputTokens);
  return {
    model,
    body: JSON.stringify(endpoint.withUsageReported(capped)),
    outputTokenCap: typeof asked === 'number' ? asked : policy.maxOutputTokens,
    parsed: body,
  };
}
