import type {ProxyRefusal} from './proxy-refusal';
import {type ProxyEndpoint, PROXY_PROVIDER_NAMES, type ProxyProviderRoute} from './proxy-routes';

/** A request's place in the proxy: the provider, its endpoint, and the path and query to forward. */
export interface ResolvedProxyRoute {
  /** One of the five providers, or a compatible service's name. */
  readonly provider: string;
  readonly route: ProxyProviderRoute;
  readonly endpoint: ProxyEndpoint;
  /** The path relative to the provider's base URL, e.g. `/chat/completions`. */
  readonly path: string;
  /** The query, without any `key` parameter (a key in the URL is never forwarded). */
  readonly query: URLSearchParams;
}

/**
 * Finds which provider endpoint a request is for: `${basePath}/${provider}${path}`.
 * @param url The request's URL.
 * @param basePath Where the proxy is mounted ('' or e.g. '/api/llm').
 * @param served The routes of the providers the proxy serves, by name: the five's it has keys for (from
 *   `PROXY_ROUTES`) and its compatible services'.
 * @returns The route, or the refusal (`route-not-found`, `provider-not-allowed`).
 */
export function resolveProxyRoute(
  url: URL,
  basePath: string,
  served: ReadonlyMap<string, ProxyProviderRoute>,
): ResolvedProxyRoute | ProxyRefusal {
  const pathname = url.pathname;
  if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) {
    return {reason: 'route-not-found', message: `${pathname} is not under the proxy's path ${basePath || '/'}`};
  }
  const [, name = '', ...rest] = pathname.slice(basePath.length).split('/');
  const path = `/${rest.join('/')}`;
  const provider = name;
  const route = served.get(provider);
  if (route === undefined) {
    if ((PROXY_PROVIDER_NAMES as readonly string[]).includes(provider)) {
      const others = served.size ? `: use one of ${[...served.keys()].join(', ')}` : ': it serves no provider yet';
      return {reason: 'provider-not-allowed', message: `this proxy has no key for ${provider}${others}`};
    }
    const known = [...new Set([...PROXY_PROVIDER_NAMES, ...served.keys()])].join(', ');
    return {
      reason: 'route-not-found',
      message: `no provider '${name}' at ${basePath}/${name}: call ${basePath}/<provider>/… with one of ${known}`,
    };
  }
  const endpoint = route.endpoints.find(candidate => candidate.matches(path));
  if (!endpoint) {
    return {
      reason: 'route-not-found',
      message: `the proxy forwards only the ${provider} streaming endpoints llm-rx calls, not ${path}`,
    };
  }
  const query = new URLSearchParams(url.search);
  query.delete('key');
  return {provider, route, endpoint, path, query};
}
