// Types of proxy.conf.mjs, for its spec.
/** The marker of the proxy's answer when it cannot reach a provider. */
export declare const PROXY_UNREACHABLE_MARKER: string;
/** Answers a request the proxy could not forward with a 502 that names the proxy as the one that failed. */
export declare function answerUnreachable(target: string, error: unknown, response: unknown): void;
/** The dev server's proxy routes, by path prefix. */
declare const proxyConfig: Record<string, unknown>;
export default proxyConfig;
