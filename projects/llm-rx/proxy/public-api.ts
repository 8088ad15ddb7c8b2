/*
 * Public API of llm-rx/proxy: a server-side proxy that holds the provider keys, for Node, Express (Angular SSR)
 * and fetch-based runtimes.
 */
export type {
  LlmProxyAuthContext,
  LlmProxyAuthenticate,
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
