/**
 * The mock provider server of the tools bench, started by `startMockServerProcess(TOOLS_MOCK_SERVER_MAIN)` in a
 * child process: the repository's mock server with every wire wrapped by `objectAnswerWire()` and
 * `toolArgumentsWire()`, so that a request with `objectBenchPrompt(records)` streams the bench object's JSON as
 * text (no tool call) or as one tool call's arguments. Other requests (the tool loop) are answered as usual.
 *
 * Usage: `node --import tsx bench/tools/tools-mock-server.ts --port 4027 [--host 127.0.0.1]`.
 */
import {serveMockProviders} from '../../projects/mock-providers/src/serve-mock-providers';
import {PROVIDER_WIRES} from '../../projects/mock-providers/src/wire/provider-wires';
import {objectAnswerWire} from '../object/object-answer-wire';
import {toolArgumentsWire} from './tool-arguments-wire';

serveMockProviders({
  wires: PROVIDER_WIRES.map(wire => toolArgumentsWire(objectAnswerWire(wire))),
  name: 'tools bench mock server',
});
