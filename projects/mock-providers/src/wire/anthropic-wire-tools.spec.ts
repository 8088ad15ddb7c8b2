import Anthropic from '@anthropic-ai/sdk';
import {startMockProviderServer, type MockProviderServer} from '../mock-provider-server';
import {anthropicWire} from './anthropic-wire';
import {anthropicOutputToolOf, anthropicToolsOf} from './anthropic-wire-tools';
import type {MockPlan, MockToolCall} from './provider-wire';
import {allWireEvents} from './wire-answer-server';

const WEATHER = {name: 'weather', input_schema: {type: 'object', properties: {city: {type: 'string'}}}};
const CLOCK = {name: 'clock', input_schema: {type: 'object', properties: {zone: {type: 'string'}}}};

const CALLS: MockToolCall[] = [
  {id: 'mockplan1t0', name: 'weather', arguments: '{"city": "Paris"}', argumentChunks: ['{"city": ', '"Paris"}']},
  {id: 'mockplan1t1', name: 'clock', arguments: '{}', argumentChunks: ['{}']},
];

const PLAN: MockPlan = {
  model: 'claude-haiku-4-5',
  responseId: 'mockplan1',
  created: 1_700_000_000,
  reasoningChunks: [],
  textChunks: ['Let me ', 'look.'],
  usage: {inputTokens: 42, outputTokens: 9, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0},
  finish: 'tool-calls',
  requestBody: {tools: [WEATHER, CLOCK]},
  outputSchema: undefined,
  toolCalls: CALLS,
};

/** Every event of a plan, its tool calls included, in the order the mock server writes them. */
function allEvents(plan: MockPlan): {name: string; data: Record<string, unknown>}[] {
  const closing = anthropicWire.closingEvents(plan);
  const content = allWireEvents(anthropicWire, plan).slice(0, -closing.length);
  const calls = plan.toolCalls.flatMap((call, index) => [
    ...(anthropicWire.toolCallStartEvents?.(plan, call, index) ?? []),
    ...call.argumentChunks.flatMap(text => anthropicWire.toolCallDeltaEvents?.(plan, call, text, index) ?? []),
    ...(anthropicWire.toolCallEndEvents?.(plan, call, index) ?? []),
  ]);
  return [...content, ...calls, ...closing].map(event => {
    const match = /^event: (\S+)\ndata: (.*)\n\n$/s.exec(event);
    if (!match) throw new Error(`not one SSE event: ${JSON.stringify(event)}`);
    return {name: match[1], data: JSON.parse(match[2])};
  });
}

/** Each event as `name index`, and the delta's type and piece where it has one. */
function outline(plan: MockPlan): string[] {
  return allEvents(plan).map(({name, data}) => {
    const delta = data['delta'] as {type?: string; text?: string; partial_json?: string} | undefined;
    const piece = delta?.type === undefined ? '' : ` ${delta.type} ${JSON.stringify(delta.text ?? delta.partial_json)}`;
    return `${name}${data['index'] === undefined ? '' : ` ${String(data['index'])}`}${piece}`;
  });
}

describe('anthropicWire tool calls', () => {
  it('reads the custom tools, the forced choice and the tool rounds of a request', () => {
    const messages = [
      {role: 'user', content: 'Weather?'},
      {role: 'assistant', content: [{type: 'tool_use', id: 'toolu_1', name: 'weather', input: {}}]},
      {role: 'user', content: [{type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny'}]},
      {role: 'assistant', content: 'Sunny.'},
      {role: 'user', content: 'Thanks.'},
    ];
    const webSearch = {type: 'web_search_20250305', name: 'web_search'};
    expect(anthropicToolsOf({tools: [WEATHER, webSearch, CLOCK], messages})).toEqual({
      tools: [
        {name: 'weather', inputSchema: WEATHER.input_schema},
        {name: 'clock', inputSchema: CLOCK.input_schema},
      ],
      rounds: 1,
    });
    expect(anthropicToolsOf({tools: [WEATHER], tool_choice: {type: 'tool', name: 'weather'}})?.forced).toBe('weather');
    expect(anthropicToolsOf({tools: [WEATHER], tool_choice: {type: 'none'}})?.forced).toBe('none');
    expect(anthropicToolsOf({tools: [WEATHER], tool_choice: {type: 'any'}})?.forced).toBeUndefined();
    expect(anthropicToolsOf({tools: [webSearch]})).toBeUndefined();
    expect(anthropicToolsOf(null)).toBeUndefined();
  });

  it("leaves llm-rx's output tool (one tool, forced, one call) to structured output", () => {
    const body = {tools: [WEATHER], tool_choice: {type: 'tool', name: 'weather', disable_parallel_tool_use: true}};
    expect(anthropicOutputToolOf(body)).toEqual({name: 'weather', inputSchema: WEATHER.input_schema});
    expect(anthropicToolsOf(body)).toBeUndefined();
    expect(anthropicToolsOf({...body, tools: [WEATHER, CLOCK]})?.forced).toBe('weather');
  });

  it('streams each call as its own tool_use block after the text: empty opening piece, input pieces, stop', () => {
    expect(outline(PLAN)).toEqual([
      'message_start',
      'ping',
      'content_block_start 0',
      'content_block_delta 0 text_delta "Let me "',
      'content_block_delta 0 text_delta "look."',
      'content_block_stop 0',
      'content_block_start 1',
      'content_block_delta 1 input_json_delta ""',
      'content_block_delta 1 input_json_delta "{\\"city\\": "',
      'content_block_delta 1 input_json_delta "\\"Paris\\"}"',
      'content_block_stop 1',
      'content_block_start 2',
      'content_block_delta 2 input_json_delta ""',
      'content_block_delta 2 input_json_delta "{}"',
      'content_block_stop 2',
      'message_delta',
      'message_stop',
    ]);
    const events = allEvents(PLAN);
    expect(events[6].data['content_block']).toEqual({
      type: 'tool_use',
      id: 'toolu_mockplan1t0',
      name: 'weather',
      input: {},
      caller: {type: 'direct'},
    });
    expect((events.at(-2)?.data['delta'] as {stop_reason: string}).stop_reason).toBe('tool_use');
  });

  it('closes the thinking block, with its signature, before the first call when there is no text', () => {
    const plan = {...PLAN, reasoningChunks: ['Hm.'], textChunks: []};
    expect(outline(plan).slice(2, 8)).toEqual([
      'content_block_start 0',
      'content_block_delta 0 thinking_delta undefined',
      'content_block_delta 0 signature_delta undefined',
      'content_block_stop 0',
      'content_block_start 1',
      'content_block_delta 1 input_json_delta ""',
    ]);
    expect(outline({...plan, toolCalls: []}).slice(-4, -2)).toEqual([
      'content_block_delta 0 signature_delta undefined',
      'content_block_stop 0',
    ]);
  });

  describe('with the real @anthropic-ai/sdk against the mock server', () => {
    let server: MockProviderServer;
    let client: Anthropic;
    beforeAll(async () => {
      server = await startMockProviderServer({port: 0, wires: [anthropicWire]});
      client = new Anthropic({apiKey: 'sk-ant-test-key', baseURL: server.url, maxRetries: 0});
    });
    afterAll(() => server.close());

    it("gives the SDK's MessageStream the text and each call, its input assembled, and stop_reason tool_use", async () => {
      const message = await client.messages
        .stream(
          {
            model: 'claude-haiku-4-5',
            max_tokens: 100,
            messages: [{role: 'user', content: 'Weather and time?'}],
            tools: [WEATHER, CLOCK] as Anthropic.Tool[],
          },
          {headers: {'x-mock-scenario': 'text=Let%20me%20look.;toolCalls=2;toolChunks=3'}},
        )
        .finalMessage();
      expect(message.stop_reason).toBe('tool_use');
      expect(message.content).toEqual([
        jasmine.objectContaining({type: 'text', text: 'Let me look.'}),
        jasmine.objectContaining({type: 'tool_use', name: 'weather', input: {city: jasmine.any(String)}}),
        jasmine.objectContaining({type: 'tool_use', name: 'clock', input: {zone: jasmine.any(String)}}),
      ]);
      const ids = message.content.map(block => (block.type === 'tool_use' ? block.id : ''));
      expect(ids.slice(1).every(id => id.startsWith('toolu_'))).toBeTrue();
      expect(new Set(ids).size).toBe(3);
    });
  });
});
