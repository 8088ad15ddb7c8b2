/*
 * Public API of llm-rx/proxy/node: the llm-rx proxy's fetch handler served from Node's `http` server or as
 * Express middleware (an Angular SSR app's `server.ts`).
 */
export {toExpressMiddleware} from './src/to-express-middleware';
export type {ExpressRequestLike} from './src/to-express-middleware';
export {toNodeListener} from './src/to-node-listener';
export type {NodeListenerOptions} from './src/to-node-listener';
export type {FetchHandler, NodeFetchAdapterOptions} from './src/serve-fetch-handler';
