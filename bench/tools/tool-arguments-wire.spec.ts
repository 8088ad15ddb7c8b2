import {createMockPlan} from '../../projects/mock-providers/src/mock-plan';
import type {MockRequestTools, ProviderWire} from '../../projects/mock-providers/src/wire/provider-wire';
import {objectBenchPrompt} from '../object/object-answer-wire';
import {benchObject} from '../object/object-fixture';
import {toolArgumentsWire} from './tool-arguments-wire';

const TOOLS: MockRequestTools = {
  tools: [
    {name: 'save_catalogue', inputSchema: {type: 'object', properties: {items: {type: 'array'}}}},
    {name: 'other', inputSchema: {type: 'object'}},
  ],
  rounds: 0,
};

// Only what the wrapper reads or passes through matters here.
const fakeWire = (toolsOf?: ProviderWire['toolsOf']): ProviderWire =>
  ({name: 'openai-responses', toolsOf, textEvents: () => ['text']}) as unknown as ProviderWire;

describe('toolArgumentsWire', () => {
  it("gives every tool the bench object as its schema's const when the prompt asks for it", () => {
    const wire = toolArgumentsWire(fakeWire(() => TOOLS));
    const tools = wire.toolsOf?.({input: [{role: 'user', content: objectBenchPrompt(3)}]});
    expect(tools?.tools.map(tool => tool.name)).toEqual(['save_catalogue', 'other']);
    expect(tools?.tools.every(tool => JSON.stringify(tool.inputSchema) === JSON.stringify({const: benchObject(3)})))
      .withContext(JSON.stringify(tools))
      .toBeTrue();
    expect(tools?.rounds).toBe(0);
  });

  it('leaves the tools of any other request, or a request without tools, as the wire reads them', () => {
    const wire = toolArgumentsWire(fakeWire(body => (body === null ? undefined : TOOLS)));
    expect(wire.toolsOf?.({input: 'What is the weather in Paris?'})).toBe(TOOLS);
    expect(wire.toolsOf?.(null)).toBeUndefined();
  });

  it('keeps the rest of the wire, and is the wire itself when it reads no tools', () => {
    const plain = fakeWire();
    expect(toolArgumentsWire(plain)).toBe(plain);
    const wrapped = toolArgumentsWire(fakeWire(() => TOOLS));
    expect(wrapped.name).toBe('openai-responses');
    expect(wrapped.textEvents(undefined as never, '', 0)).toEqual(['text']);
  });

  it("makes the mock plan's call stream the object's JSON in the scenario's pieces", () => {
    const body = {input: objectBenchPrompt(4)};
    const tools = toolArgumentsWire(fakeWire(() => TOOLS)).toolsOf?.(body);
    const plan = createMockPlan({toolCalls: 1, toolChunks: 97}, 'gpt-4o-mini', 0, {body, tools});
    const [call] = plan.toolCalls;
    expect(call?.arguments).toBe(JSON.stringify(benchObject(4)));
    expect(call?.argumentChunks.length).toBe(97);
    expect(call?.argumentChunks.join('')).toBe(call?.arguments);
    expect(plan.textChunks).toEqual([]);
    expect(plan.usage.outputTokens).toBe(97);
  });
});
