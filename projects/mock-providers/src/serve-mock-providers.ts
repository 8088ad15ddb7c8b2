import {parseArgs} from 'node:util';
import {DEFAULT_MOCK_PROVIDERS_PORT, startMockProviderServer} from './mock-provider-server';
import type {ProviderWire} from './wire/provider-wire';

/**
 * Runs a mock provider server as a command: `--port` (or `MOCK_PROVIDERS_PORT`, default 4010) and `--host`
 * (default `127.0.0.1`) from the command line, a line once it listens, and a clean close on SIGINT/SIGTERM. The
 * one way the repository's scripts start the server (`main.ts`, the object bench's own).
 * @param options The wires (default every wire) and the name printed with the URL.
 */
export function serveMockProviders(options: {readonly wires?: readonly ProviderWire[]; readonly name?: string} = {}) {
  const run = async () => {
    const {values} = parseArgs({options: {port: {type: 'string'}, host: {type: 'string'}}});
    const port = Number(values.port ?? process.env['MOCK_PROVIDERS_PORT'] ?? DEFAULT_MOCK_PROVIDERS_PORT);
    const server = await startMockProviderServer({port, host: values.host ?? '127.0.0.1', wires: options.wires});
    console.log(`${options.name ?? 'mock-providers'} listening on ${server.url}`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        server.close().finally(() => process.exit(0));
      });
    }
  };
  // The workspace compiles .ts as CommonJS, where top-level await is not available.
  run().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
