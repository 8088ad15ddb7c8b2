import type {IncomingMessage, ServerResponse} from 'node:http';
import {
  isUnderBasePath,
  serveFetchHandler,
  type FetchHandler,
  type NodeFetchAdapterOptions,
} from './serve-fetch-handler';

/**
 * The parts of Express's request the middleware reads, typed here so that the library needs neither Express nor
 * its types.
 */
export interface ExpressRequestLike extends IncomingMessage {
  /** The URL with the mount path (Express strips it from `url`). */
  readonly originalUrl: string;
  /** `http` or `https`, following the app's `trust proxy` setting for `X-Forwarded-Proto`. */
  readonly protocol?: string;
  /** What a body parser (`express.json()`, `express.raw()`, `express.text()`) made of the body, if one ran. */
  readonly body?: unknown;
}

/**
 * Serves a fetch handler (`createLlmProxy()`'s) as Express middleware, e.g. in an Angular SSR app's `server.ts`.
 * It behaves as `toNodeListener()` (streaming both ways, the upstream aborted when the client goes away) and:
 *
 * - the handler sees the full original URL (`req.originalUrl`), so that `app.use('/api/llm', …)` goes with the
 *   proxy's `basePath: '/api/llm'`; the scheme is `req.protocol`, which follows the app's `trust proxy` setting;
 * - requests outside `options.basePath` go on to the app's next route (`next()`), for a middleware mounted at
 *   the root;
 * - when a body parser already read the body (`express.json()` before it), the body is rebuilt from `req.body`
 *   (bytes as they are, text as UTF-8, a parsed value as JSON). Mount it before the body parsers when you can: the
 *   bytes then pass as sent, and `express.json()`'s own size limit (100 kB by default) does not refuse large
 *   chat requests before the proxy's own `maxRequestBytes`;
 * - a handler that throws or rejects is answered with the bare 500 here, not with `next(error)`: Express's
 *   default error handler writes the error's message and stack into the page outside production, and that
 *   message could quote anything. The error goes to `options.onError`.
 *
 * ```ts
 * // Angular SSR server.ts:
 * server.use('/api/llm', toExpressMiddleware(createLlmProxy({...config, basePath: '/api/llm'})));
 * ```
 * @param handler The fetch handler.
 * @param options A `basePath` outside which requests go to `next()`, and where errors are reported.
 * @returns The middleware, `(req, res, next) => void`.
 */
export function toExpressMiddleware(
  handler: FetchHandler,
  options: NodeFetchAdapterOptions = {},
): (request: ExpressRequestLike, response: ServerResponse, next: (error?: unknown) => void) => void {
  return (request, response, next) => {
    const path = request.originalUrl ?? request.url ?? '/';
    if (!isUnderBasePath(path, options.basePath)) {
      next();
      return;
    }
    const protocol =
      request.protocol ?? ((request.socket as {encrypted?: boolean} | null)?.encrypted ? 'https' : 'http');
    // A parser that read the stream leaves it ended: waiting for it would wait forever.
    const parsedBody = request.readableEnded ? {value: request.body} : undefined;
    void serveFetchHandler(handler, request, response, {protocol, path, parsedBody}, options.onError);
  };
}
