/**
 * The mock provider server of the object bench, started by `startMockServerProcess(OBJECT_MOCK_SERVER)` in a
 * child process: the repository's mock server with every wire wrapped by `objectAnswerWire()`, so that a request
 * with `objectBenchPrompt(records)` streams the bench object's JSON in the scenario's `chunks` pieces.
 *
 * Usage: `node --import tsx bench/object/object-mock-server.ts --port 4014 [--host 127.0.0.1]`.
 */
import {serveMockProviders} from '../../projects/mock-providers/src/serve-mock-providers';
import {PROVIDER_WIRES} from '../../projects/mock-providers/src/wire/provider-wires';
import {objectAnswerWire} from './object-answer-wire';

serveMockProviders({wires: PROVIDER_WIRES.map(objectAnswerWire), name: 'object bench mock server'});
