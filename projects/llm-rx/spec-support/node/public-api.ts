/*
 * `@llm-rx/spec-support/node`: the spec support that needs Node's own modules, for Node specs, the benchmarks
 * and the tools (a path of the root tsconfig.json). Kept apart from `@llm-rx/spec-support` so that Karma's and the
 * chaos harness's browser bundles never meet a `node:` import. Never built or published.
 */
export {freeLoopbackPort} from './src/free-loopback-port';
export {mockProxyProviders, mockUpstreamOf, PROXY_SPEC_KEYS, startLlmProxyServer} from './src/llm-proxy-server';
export type {LlmProxyServer} from './src/llm-proxy-server';
export {startRedisServer, type RunningRedisServer} from './src/redis-server';
