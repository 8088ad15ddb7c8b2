import Anthropic, {APIError} from '@anthropic-ai/sdk';
import type {RawMessageStreamEvent} from '@anthropic-ai/sdk/resources/messages';
import {startMockProviderServer, type MockProviderServer} from '../mock-provider-server';
import {anthropicWire} from './anthropic-wire';
import type {MockPlan} from './provider-wire';
import {allWireEvents} from './wire-answer-server';

const PLAN: MockPlan = {
  model: 'claude-haiku-4-5',
  responseId: 'mockplan1',
  created: 1_700_000_000,
  reasoningChunks: ['Let me ', 'think.'],
  textChunks: ['Hello', ' world'],
  usage: {inputTokens: 142, outputTokens: 40, cachedInputTokens: 100, cacheWriteTokens: 30, reasoningTokens: 25},
  finish: 'stop',
  requestBody: null,
  outputSchema: undefined,
  toolCalls: [],
};

function allEvents(plan: MockPlan): string[] {
  return allWireEvents(anthropicWire, plan);
}

function parse(event: string): {name: string; data: {type: string} & Record<string, unknown>} {
  const match = /^event: (\S+)\ndata: (.*)\n\n$/s.exec(event);
  if (!match) throw new Error(`not one SSE event: ${JSON.stringify(event)}`);
  return {name: match[1], data: JSON.parse(match[2])};
}

/** The `delta` of the closing `message_delta` of a plan ending with `finish`. */
function finalDelta(plan: MockPlan, finish: MockPlan['finish']): {stop_reason: string; stop_details: unknown} {
  return parse(anthropicWire.closingEvents({...plan, finish}).at(-2) ?? '').data['delta'] as never;
}

function stopReason(plan: MockPlan, finish: MockPlan['finish']): string {
  return finalDelta(plan, finish).stop_reason;
}

describe('anthropicWire', () => {
  it('routes POST /v1/messages only and reads the model from the body', () => {
    expect(anthropicWire.matches('POST', '/v1/messages')).toBeTrue();
    expect(anthropicWire.matches('GET', '/v1/messages')).toBeFalse();
    expect(anthropicWire.matches('POST', '/v1/chat/completions')).toBeFalse();
    expect(anthropicWire.modelOf('/v1/messages', {model: 'claude-sonnet-4-6'})).toBe('claude-sonnet-4-6');
    expect(anthropicWire.modelOf('/v1/messages', null)).toBe('');
  });

  it('gives every event an event: line equal to its data type (the SDK drops events without one)', () => {
    const events = allEvents(PLAN).map(parse);
    for (const event of events) expect(event.name).toBe(event.data.type);
    expect(events.map(event => event.name)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('reports uncached input apart from cache reads and writes, and cumulative final usage', () => {
    const [start] = anthropicWire.openingEvents(PLAN).map(parse);
    expect((start.data['message'] as {usage: unknown}).usage).toEqual(
      jasmine.objectContaining({input_tokens: 12, cache_read_input_tokens: 100, cache_creation_input_tokens: 30}),
    );
    const delta = anthropicWire
      .closingEvents(PLAN)
      .map(parse)
      .find(event => event.name === 'message_delta');
    expect(delta?.data['usage']).toEqual({
      input_tokens: 12,
      cache_creation_input_tokens: 30,
      cache_read_input_tokens: 100,
      output_tokens: 40,
      output_tokens_details: {thinking_tokens: 25},
    });
  });

  it('closes an open thinking block when there is no text', () => {
    const plan = {...PLAN, textChunks: []};
    const names = allEvents(plan).map(event => parse(event).name);
    expect(names.slice(-4)).toEqual(['content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
  });

  it('maps the finish to stop_reason', () => {
    expect(stopReason(PLAN, 'stop')).toBe('end_turn');
    expect(stopReason(PLAN, 'length')).toBe('max_tokens');
    expect(stopReason(PLAN, 'content-filter')).toBe('refusal');
    expect(stopReason(PLAN, 'refusal')).toBe('refusal');
  });

  it('gives a refusal stop_details of type refusal, and other stops none', () => {
    expect(finalDelta(PLAN, 'refusal').stop_details).toEqual({type: 'refusal', category: null, explanation: null});
    expect(finalDelta(PLAN, 'stop').stop_details).toBeNull();
  });

  describe('structured output', () => {
    const schema = {type: 'object', properties: {a: {type: 'string'}}, required: ['a']};
    // llm-rx's output tool: the only tool, forced, one call.
    const toolBody = {
      tools: [{name: 'contact', input_schema: schema}],
      tool_choice: {type: 'tool', name: 'contact', disable_parallel_tool_use: true},
    };
    const toolPlan: MockPlan = {...PLAN, reasoningChunks: [], textChunks: ['{"a": ', '"b"}'], requestBody: toolBody};

    it('reads the schema from output_config.format, or from the output tool', () => {
      expect(anthropicWire.outputSchemaOf?.({output_config: {format: {type: 'json_schema', schema}}})).toEqual(schema);
      expect(anthropicWire.outputSchemaOf?.(toolBody)).toEqual(schema);
      expect(anthropicWire.outputSchemaOf?.({...toolBody, tool_choice: {type: 'auto'}})).toBeUndefined();
      // The application's tools: a forced one among others, or one forced without disable_parallel_tool_use.
      const other = {name: 'other', input_schema: {type: 'object'}};
      expect(anthropicWire.outputSchemaOf?.({...toolBody, tools: [other, ...toolBody.tools]})).toBeUndefined();
      expect(
        anthropicWire.outputSchemaOf?.({...toolBody, tool_choice: {type: 'tool', name: 'contact'}}),
      ).toBeUndefined();
      expect(anthropicWire.outputSchemaOf?.({output_config: {effort: 'low'}})).toBeUndefined();
      expect(anthropicWire.outputSchemaOf?.(null)).toBeUndefined();
    });

    it("answers a forced tool with the tool's call: its input streams as input_json_delta, then stop_reason tool_use", () => {
      const events = allEvents(toolPlan).map(parse);
      expect(events.map(event => event.name)).toEqual([
        'message_start',
        'ping',
        'content_block_start',
        'content_block_delta',
        'content_block_delta',
        'content_block_delta',
        'content_block_stop',
        'message_delta',
        'message_stop',
      ]);
      expect(events[2].data['content_block']).toEqual({
        type: 'tool_use',
        id: jasmine.stringMatching(/^toolu_/),
        name: 'contact',
        input: {},
        caller: {type: 'direct'},
      });
      expect(events.slice(3, 6).map(event => event.data['delta'])).toEqual([
        {type: 'input_json_delta', partial_json: ''},
        {type: 'input_json_delta', partial_json: '{"a": '},
        {type: 'input_json_delta', partial_json: '"b"}'},
      ]);
      expect((events[7].data['delta'] as {stop_reason: string}).stop_reason).toBe('tool_use');
    });

    it('keeps max_tokens and refusal as they are for a forced tool', () => {
      expect(stopReason(toolPlan, 'length')).toBe('max_tokens');
      expect(stopReason(toolPlan, 'refusal')).toBe('refusal');
    });
  });

  it('writes Anthropic error bodies with the error type of each status', () => {
    const typeOf = (status: number) => (anthropicWire.errorBody(status, 'boom') as {error: {type: string}}).error.type;
    expect(anthropicWire.errorBody(429, 'Slow down')).toEqual({
      type: 'error',
      error: {type: 'rate_limit_error', message: 'Slow down'},
      request_id: jasmine.stringMatching(/^req_/),
    });
    expect(typeOf(400)).toBe('invalid_request_error');
    expect(typeOf(401)).toBe('authentication_error');
    expect(typeOf(404)).toBe('not_found_error');
    expect(typeOf(500)).toBe('api_error');
    expect(typeOf(503)).toBe('api_error');
    expect(typeOf(529)).toBe('overloaded_error');
  });

  describe('with the real @anthropic-ai/sdk against the mock server', () => {
    let server: MockProviderServer;
    let client: Anthropic;
    beforeAll(async () => {
      server = await startMockProviderServer({port: 0, wires: [anthropicWire]});
      // logLevel off: the SDK logs the malformed event the last spec sends on purpose.
      client = new Anthropic({apiKey: 'sk-ant-test-key', baseURL: server.url, maxRetries: 0, logLevel: 'off'});
    });
    afterAll(() => server.close());

    async function stream(scenario: string): Promise<RawMessageStreamEvent[]> {
      const events = await client.messages.create(
        {model: 'claude-haiku-4-5', max_tokens: 100, messages: [{role: 'user', content: 'Hi'}], stream: true},
        {headers: {'x-mock-scenario': scenario}},
      );
      const received: RawMessageStreamEvent[] = [];
      for await (const event of events) received.push(event);
      return received;
    }

    it('parses into text, thinking and usage (ping filtered out)', async () => {
      const events = await stream('text=Hello%20world;chunks=2;reasoning=2;cachedTokens=10;cacheWriteTokens=5');
      const text = events.flatMap(event =>
        event.type === 'content_block_delta' && event.delta.type === 'text_delta' ? [event.delta.text] : [],
      );
      const thinking = events.flatMap(event =>
        event.type === 'content_block_delta' && event.delta.type === 'thinking_delta' ? [event.delta.thinking] : [],
      );
      expect(text.join('')).toBe('Hello world');
      expect(thinking.length).toBe(2);
      expect(
        events.some(event => event.type === 'content_block_delta' && event.delta.type === 'signature_delta'),
      ).toBeTrue();
      const start = events[0];
      const delta = events.find(event => event.type === 'message_delta');
      expect(start.type === 'message_start' && start.message.usage.input_tokens).toBe(27);
      expect(delta?.type === 'message_delta' && delta.usage).toEqual(
        jasmine.objectContaining({
          output_tokens: 4,
          cache_read_input_tokens: 10,
          output_tokens_details: {thinking_tokens: 2},
        }),
      );
      expect(delta?.type === 'message_delta' && delta.delta.stop_reason).toBe('end_turn');
      expect(events.at(-1)?.type).toBe('message_stop');
    });

    it("gives a forced tool's input to the SDK's MessageStream, which assembles it into the tool_use block", async () => {
      const message = await client.messages
        .stream(
          {
            model: 'claude-3-5-haiku-latest',
            max_tokens: 100,
            messages: [{role: 'user', content: 'Hi'}],
            tools: [{name: 'contact', input_schema: {type: 'object', properties: {a: {type: 'string'}}}}],
            tool_choice: {type: 'tool', name: 'contact', disable_parallel_tool_use: true},
          },
          {headers: {'x-mock-scenario': 'text=%7B%22a%22%3A%20%22b%22%7D;chunks=3'}},
        )
        .finalMessage();
      expect(message.stop_reason).toBe('tool_use');
      expect(message.content).toEqual([jasmine.objectContaining({type: 'tool_use', name: 'contact', input: {a: 'b'}})]);
    });

    it("answers output_config's schema with a matching sample, streamed as text", async () => {
      const events = await client.messages.create(
        {
          model: 'claude-sonnet-4-6',
          max_tokens: 100,
          messages: [{role: 'user', content: 'Hi'}],
          output_config: {
            format: {
              type: 'json_schema',
              schema: {type: 'object', properties: {a: {type: 'string'}}, required: ['a'], additionalProperties: false},
            },
          },
          stream: true,
        },
        {headers: {'x-mock-scenario': 'tag=anthropic-wire-native'}},
      );
      let text = '';
      for await (const event of events) {
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
      }
      expect(JSON.parse(text)).toEqual({a: jasmine.any(String)});
    });

    it('throws the mid-stream error event as an APIError with type overloaded_error', async () => {
      const error: unknown = await stream('chunks=3;errorAfter=1').then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error instanceof APIError).toBeTrue();
      expect((error as APIError).status).toBeUndefined();
      expect((error as APIError).type).toBe('overloaded_error');
    });

    it('gives an HTTP 529 as OverloadedError with the request id and the Bearer key accepted', async () => {
      const error: unknown = await stream('status=529').then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error instanceof Anthropic.OverloadedError).toBeTrue();
      expect((error as APIError).status).toBe(529);
      expect((error as APIError).type).toBe('overloaded_error');
      expect((error as APIError).requestID).toEqual(jasmine.any(String));
    });

    it('throws SyntaxError on the malformed event', async () => {
      const error: unknown = await stream('chunks=2;malformedAfter=1').then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error instanceof SyntaxError).toBeTrue();
    });
  });
});
