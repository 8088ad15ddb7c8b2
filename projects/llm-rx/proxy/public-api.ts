/*
 * Public API of llm-rx/proxy: a server-side proxy that holds the provider keys, as a standard fetch handler (web
 * standards only: Node, Deno, Bun, edge runtimes); llm-rx/proxy/node serves it from Node's http or Express.
 */
export {createLlmProxy} from './src/create-llm-proxy';
export type {LlmProxyHandler} from './src/create-llm-proxy';
export {createMemoryLlmProxyStore} from './src/store/memory-llm-proxy-store';
export {createRedisLlmProxyStore} from './src/store/redis-llm-proxy-store';
export type {LlmProxyRedisClient, RedisLlmProxyStoreOptions} from './src/store/redis-llm-proxy-store';
export type {
  LlmProxyAuthContext,
  LlmProxyAuthenticate,
  LlmProxyCompatibleConfig,
  LlmProxyConfig,
  LlmProxyLogEntry,
  LlmProxyProviderConfig,
  LlmProxyProviderName,
  LlmProxyUser,
} from './src/llm-proxy-config';
export type {
  LlmProxyAdmission,
  LlmProxyAdmissionResult,
  LlmProxyDayUsage,
  LlmProxyLimitHit,
  LlmProxyLimits,
  LlmProxySettlement,
  LlmProxySpend,
  LlmProxyStore,
} from './src/store/llm-proxy-store';
