/**
 * Starts the mock provider server from the command line.
 *
 * Usage: `node --import tsx projects/mock-providers/src/main.ts [--port 4010] [--host 127.0.0.1]`; the port can
 * also come from `MOCK_PROVIDERS_PORT`.
 */
import {parseArgs} from 'node:util';
import {DEFAULT_MOCK_PROVIDERS_PORT, startMockProviderServer} from './mock-provider-server';

async function main(): Promise<void> {
  const {values} = parseArgs({options: {port: {type: 'string'}, host: {type: 'string'}}});
  const port = Number(values.port ?? process.env['MOCK_PROVIDERS_PORT'] ?? DEFAULT_MOCK_PROVIDERS_PORT);
  const server = await startMockProviderServer({port, host: values.host ?? '127.0.0.1'});
  console.log(`mock-providers listening on ${server.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close().finally(() => process.exit(0));
    });
  }
}

// The workspace compiles .ts as CommonJS, where top-level await is not available.
main().catch(error => {
  console.error(error);
  process.exit(1);
});
