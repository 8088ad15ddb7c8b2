import type {MockRequestTools, ProviderWire} from '../../projects/mock-providers/src/wire/provider-wire';
import {objectBenchRecordsOf} from '../object/object-answer-wire';
import {benchObject} from '../object/object-fixture';

/**
 * Wraps a wire so that a request with tools and `objectBenchPrompt(records)` gets tool calls whose arguments are
 * the JSON of the bench object of `records` items (what `objectAnswerWire` streams as text): the tools the wire
 * reads from the body are given the object as their schema's `const`, which the mock server's plan samples for
 * the arguments and splits into the scenario's `toolChunks` pieces. The arguments (about 20 kB) never travel in a
 * request; everything else (the wire's events, the tool rounds, usage) stays the wire's own, and a request
 * without the prompt gets the tools' usual sample arguments.
 * @param wire The provider's wire.
 * @returns The wrapped wire (the wire itself when it reads no tools).
 */
export function toolArgumentsWire(wire: ProviderWire): ProviderWire {
  const {toolsOf} = wire;
  if (toolsOf === undefined) return wire;
  const objects = new Map<number, unknown>();
  return {
    ...wire,
    toolsOf: (body): MockRequestTools | undefined => {
      const tools = toolsOf(body);
      const records = objectBenchRecordsOf(body);
      if (tools === undefined || records === undefined) return tools;
      let object = objects.get(records);
      if (object === undefined) objects.set(records, (object = benchObject(records)));
      return {...tools, tools: tools.tools.map(tool => ({...tool, inputSchema: {const: object}}))};
    },
  };
}
