/**
 * The mock provider server of the object bench, started by `startMockServerProcess(OBJECT_MOCK_SERVER)` in a
 * child process: the repository's mock server with every wire wrapped by `objectAnswerWire()`, so that a request
 * with `objectBenchPrompt(records)` streams the bench object's JSON in the scenario's `chunks` pieces.
 *
 * Usage: `node --import tsx bench/object/object-mock-server.ts --port 4014 [--host 127.0.0.1]`.
 */
import {parseArgs} from 'node:util';
import {startMockProviderServer} from '../../projects/mock-providers/src/mock-provider-server';
import {PROVIDER_WIRES} from '../../projects/mock-providers/src/wire/provider-wires';
import {objectAnswerWire} from './object-answer-wire';

async function main(): Promise<void> {
  const {values} = parseArgs({options: {port: {type: 'string'}, host: {type: 'string'}}});
  const server = await startMockProviderServer({
    port: Number(values.port ?? 0),
    host: values.host ?? '127.0.0.1',
    wires: PROVIDER_WIRES.map(objectAnswerWire),
  });
  console.log(`object bench mock server listening on ${server.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close().finally(() => process.exit(0));
    });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
