import {LlmPriceTable, PLACEHOLDER_API_KEY, redactSecrets} from 'llm-rx';
import {checkProxyConfig} from './check-proxy-config';
import {answerHeaders, callerCredentialOf, forwardUpstream} from './forward-upstream';
import type {
  LlmProxyConfig,
  LlmProxyLogEntry,
  LlmProxyProviderConfig,
  LlmProxyProviderName,
  LlmProxyUser,
} from './llm-proxy-config';
import {admitProxyCall} from './admit-proxy-call';
import {checkProxyOrigin, isPreflight, preflightResponse} from './proxy-cors';
import {type ProxyRefusal, refusalResponse, refusalStatus} from './proxy-refusal';
import {checkProxyRequestBody} from './check-proxy-request-body';
import {readRequestBody, RequestTooLarge} from './read-request-body';
import {resolveProxyRoute} from './resolve-proxy-route';
import {compatibleProxyRoute, PROXY_ROUTES, type ProxyProviderRoute} from './proxy-routes';
import {bodyImagesOf} from './body-images';
import {estimatedTokens, spendOf} from './proxy-spend';
import {createMemoryLlmProxyStore} from './store/memory-llm-proxy-store';
import {passUpstreamBody, type UpstreamBodyOutcome} from './stream/pass-upstream-body';

/** A standard fetch handler: what `createLlmProxy()` returns, for Node (`toNodeListener`), Express or an edge runtime. */
export type LlmProxyHandler = (request: Request) => Promise<Response>;

const DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
const DEFAULT_MAX_OUTPUT_TOKENS = 8192;
/** How long a stream's concurrency slot is held if its instance dies before settling it. */
const LEASE_TTL_MS = 15 * 60 * 1000;

/**
 * Creates the proxy: a fetch handler that forwards the llm-rx adapters' streaming calls to the providers with the
 * server's keys, so that a browser never holds one. Before any upstream call it checks, in order: the origin
 * (CORS), the route and provider, the caller (`authenticate`), the body's size, its JSON and model, its output-token
 * cap, and the user's limits and budgets (atomically, in the store). The answer streams back as it arrives, with
 * keys and key-shaped strings cut out, while the provider's own usage is read from the stream (with llm-rx's event
 * mappers) and charged to the user, priced with llm-rx's price table. A client that goes away aborts the upstream
 * call. Refusals are JSON bodies the llm-rx client raises as an `LlmProxyRefusalError`.
 *
 * ```ts
 * const proxy = createLlmProxy({
 *   basePath: '/api/llm',
 *   providers: {openai: {apiKey: process.env['OPENAI_API_KEY']!, models: ['gpt-5-mini']}},
 *   authenticate: async request => ({userId: await userIdFromSession(request)}),
 *   limits: {requestsPerMinute: 20, concurrentStreams: 3, costPerDayUsd: 0.5},
 * });
 * // Browser: createOpenAiLlm('gpt-5-mini', {baseURL: 'https://your.app/api/llm/openai'}), no apiKey.
 * ```
 * @param config Providers with their keys and models, the `authenticate` hook, limits and the store.
 * @returns The handler.
 * @throws {LlmConfigurationError} For a configuration mistake, naming its field.
 */
export function createLlmProxy(config: LlmProxyConfig): LlmProxyHandler {
  checkProxyConfig(config);
  const compatible = Object.entries(config.compatible ?? {});
  // Every provider served, the five and the compatible services, by name: the key, models and upstream of each.
  const providers = new Map<string, LlmProxyProviderConfig>([
    ...Object.entries(config.providers).map(([name, provider]) => [name, provider!] as const),
    ...compatible,
  ]);
  const served = new Map<string, ProxyProviderRoute>([
    ...Object.keys(config.providers).map(name => [name, PROXY_ROUTES[name as LlmProxyProviderName]] as const),
    ...compatible.map(([name, service]) => [name, compatibleProxyRoute(service)] as const),
  ]);
  const keys = [...providers.values()].map(provider => provider.apiKey);
  const basePath = config.basePath ?? '';
  const allowedOrigins = new Set(config.allowedOrigins ?? []);
  const store = config.store ?? createMemoryLlmProxyStore();
  const table = compatible.reduce(
    (prices, [name, service]) => (service.prices ? prices.withModels(name, service.prices) : prices),
    config.priceTable ?? LlmPriceTable.default,
  );
  const maxRequestBytes = config.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const maxOutputTokens = config.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
  const tokensPerImage = config.imageInputTokens;
  const forwardHeaders = (config.forwardHeaders ?? []).map(name => name.toLowerCase());
  const upstreamFetch = config.fetch ?? ((input, init) => fetch(input, init));
  const now = config.now ?? Date.now;
  const log = config.log ?? ((entry: LlmProxyLogEntry) => console.info(JSON.stringify({llmRxProxy: entry})));

  return async request => {
    const startedAt = now();
    const credential = callerCredentialOf(request);
    const secrets = [...keys, PLACEHOLDER_API_KEY, ...(credential ? [credential] : [])];
    const safeLog = (entry: LlmProxyLogEntry) => {
      try {
        log({
          ...entry,
          durationMs: now() - startedAt,
          ...(entry.message ? {message: redactSecrets(entry.message, secrets)} : {}),
        });
      } catch {
        // A failing log never fails a call.
      }
    };
    const origin = checkProxyOrigin(request, allowedOrigins);
    const refuse = (refusal: ProxyRefusal, context: Pick<LlmProxyLogEntry, 'provider' | 'model' | 'userId'> = {}) => {
      safeLog({
        event: 'refused',
        ...context,
        status: refusalStatus(refusal.reason),
        reason: refusal.reason,
        message: refusal.message,
      });
      return refusalResponse(refusal, origin.headers, secrets);
    };
    if (!origin.isAllowed) {
      return refuse({
        reason: 'origin-not-allowed',
        message: `the origin ${origin.origin} may not call this proxy: add it to the proxy's allowedOrigins`,
      });
    }
    if (isPreflight(request)) return preflightResponse(request, origin);
    if (request.method !== 'POST') {
      return refuse({
        reason: 'method-not-allowed',
        message: `the proxy forwards POST calls only, not ${request.method}`,
      });
    }
    const route = resolveProxyRoute(new URL(request.url), basePath, served);
    if ('reason' in route) return refuse(route);
    const provider = route.provider;
    const upstreamConfig = providers.get(provider)!;

    let user: LlmProxyUser | null | undefined;
    try {
      user = await config.authenticate(request, {provider, credential});
    } catch (error) {
      safeLog({event: 'failed', provider, message: `authenticate threw: ${messageOf(error)}`});
    }
    if (!user || typeof user.userId !== 'string' || user.userId === '') {
      return refuse(
        {reason: 'unauthenticated', message: 'the proxy could not verify who is calling: sign in again'},
        {provider},
      );
    }
    const userId = user.userId;

    const read = await readRequestBody(request, maxRequestBytes);
    if (read instanceof RequestTooLarge) {
      return refuse(
        {
          reason: 'request-too-large',
          message: `the request body is over ${read.limit} bytes: shorten the conversation`,
          limit: read.limit,
        },
        {provider, userId},
      );
    }
    const checked = checkProxyRequestBody(read.text, route, {
      allowedModels: upstreamConfig.models,
      maxOutputTokens,
    });
    if ('reason' in checked) return refuse(checked, {provider, userId});
    const {model, body, outputTokenCap} = checked;
    const bodyBytes = new TextEncoder().encode(body).byteLength;
    // Only a proxy that counts images apart looks for them in the body.
    const images = tokensPerImage === undefined ? undefined : {...bodyImagesOf(checked.parsed), tokensPerImage};

    const admission = await admitProxyCall(store, {
      userId,
      provider,
      model,
      limits: user.limits ?? config.limits ?? {},
      bodyBytes,
      outputTokenCap,
      images,
      table,
      nowMs: startedAt,
      leaseTtlMs: LEASE_TTL_MS,
    });
    if ('reason' in admission) return refuse(admission, {provider, model, userId});

    let settled = false;
    const settle = (outcome: UpstreamBodyOutcome | undefined, upstreamOk: boolean, status: number) => {
      if (settled) return;
      settled = true;
      const usage = outcome?.usage;
      const tokens = !upstreamOk
        ? undefined
        : (usage?.tokens ?? estimatedTokens(bodyBytes, usage?.outputChars ?? 0, images));
      const spent = tokens
        ? spendOf(provider, model, tokens, table, startedAt)
        : {tokens: 0, costNanoUsd: 0, costUsd: 0};
      store
        .settle({userId, leaseId: admission.leaseId, admittedAtMs: startedAt, reserved: admission.reserved, spent})
        .catch((error: unknown) =>
          safeLog({
            event: 'failed',
            provider,
            model,
            userId,
            message: `the store could not settle: ${messageOf(error)}`,
          }),
        );
      safeLog({
        event: 'finished',
        provider,
        model,
        userId,
        status,
        tokens: spent.tokens,
        costUsd: spent.costUsd,
        metered: usage?.tokens !== undefined,
        ...(config.logBodies ? {requestBody: redactSecrets(body, secrets)} : {}),
      });
    };

    let upstream: Response;
    try {
      upstream = await forwardUpstream(request, route, {
        baseURL: upstreamConfig.baseURL ?? route.route.defaultBaseURL,
        apiKey: upstreamConfig.apiKey,
        body,
        forwardHeaders,
        signal: request.signal,
        fetch: upstreamFetch,
      });
    } catch (error) {
      settle(undefined, false, 502);
      const host = new URL(upstreamConfig.baseURL ?? route.route.defaultBaseURL).host;
      return refuse(
        {
          reason: 'upstream-unreachable',
          message: `the proxy could not reach ${provider} at ${host} (${messageOf(error)}): try again later`,
        },
        {provider, model, userId},
      );
    }
    const isEventStream = (upstream.headers.get('content-type') ?? '').includes('text/event-stream');
    const upstreamBody = upstream.body;
    if (!upstreamBody) {
      settle(undefined, false, upstream.status);
      return new Response(null, {status: upstream.status, headers: answerHeaders(upstream, origin.headers)});
    }
    const answerBody = passUpstreamBody(upstreamBody, {
      secrets,
      wire: route.endpoint.wire,
      isEventStream,
      onEnd: outcome => settle(outcome, upstream.ok, upstream.status),
    });
    return new Response(answerBody, {status: upstream.status, headers: answerHeaders(upstream, origin.headers)});
  };
}

function messageOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}
