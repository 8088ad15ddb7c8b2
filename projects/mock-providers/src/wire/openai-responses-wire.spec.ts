import OpenAI from 'openai';
import {mockScenario, waitForMockRequest, type MockScenario} from '../client/mock-provider-client';
import {startMockProviderServer, type MockProviderServer} from '../mock-provider-server';
import {openAiResponsesWire} from './openai-responses-wire';

// The byte-faithfulness check: the real `openai` SDK must parse what the wire sends.
describe('openAiResponsesWire with the openai SDK', () => {
  let server: MockProviderServer;
  let client: OpenAI;
  let tagNumber = 0;
  const uniqueTag = () => `openai-responses-spec-${Date.now()}-${tagNumber++}`;

  beforeAll(async () => {
    server = await startMockProviderServer({port: 0});
    client = new OpenAI({apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0});
  });

  afterAll(async () => {
    await server.close();
  });

  const headersOf = (scenario: MockScenario) => ({headers: {'x-mock-scenario': mockScenario(scenario)}});

  function create(scenario: MockScenario, signal?: AbortSignal) {
    return client.responses.create({model: 'gpt-5-mini', input: 'hi', stream: true}, {...headersOf(scenario), signal});
  }

  async function collect(scenario: MockScenario) {
    let text = '';
    let reasoning = '';
    const types: string[] = [];
    const sequenceNumbers: number[] = [];
    let terminal: OpenAI.Responses.Response | undefined;
    for await (const event of await create(scenario)) {
      types.push(event.type);
      sequenceNumbers.push(event.sequence_number);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.reasoning_summary_text.delta') reasoning += event.delta;
      if (event.type === 'response.completed' || event.type === 'response.incomplete') terminal = event.response;
    }
    return {text, reasoning, types, sequenceNumbers, terminal};
  }

  it('matches POST /v1/responses only', () => {
    expect(openAiResponsesWire.matches('POST', '/v1/responses')).toBeTrue();
    expect(openAiResponsesWire.matches('POST', '/v1/chat/completions')).toBeFalse();
    expect(openAiResponsesWire.modelOf('/v1/responses', {model: 'gpt-5'})).toBe('gpt-5');
  });

  it('streams text and ends with response.completed carrying cached and reasoning usage', async () => {
    const result = await collect({
      text: 'Hello brave world',
      chunks: 3,
      cachedTokens: 12,
      cacheWriteTokens: 5,
      reasoningTokens: 2,
      outputTokens: 9,
    });
    expect(result.text).toBe('Hello brave world');
    expect(result.types[0]).toBe('response.created');
    expect(result.types[result.types.length - 1]).toBe('response.completed');
    expect(result.sequenceNumbers).toEqual(result.sequenceNumbers.map((_, index) => index));
    expect(result.terminal?.status).toBe('completed');
    expect(result.terminal?.usage).toEqual({
      input_tokens: 42,
      input_tokens_details: {cached_tokens: 12, cache_write_tokens: 5},
      output_tokens: 9,
      output_tokens_details: {reasoning_tokens: 2},
      total_tokens: 51,
    });
  });

  it('streams reasoning summary deltas before the text, with contiguous sequence numbers', async () => {
    const result = await collect({chunks: 2, reasoning: 2});
    expect(result.reasoning).toBe('Thinking about the question. Step 2.');
    expect(result.text).toBe('w1 w2');
    expect(result.types.indexOf('response.reasoning_summary_text.delta')).toBeLessThan(
      result.types.indexOf('response.output_text.delta'),
    );
    expect(result.sequenceNumbers).toEqual(result.sequenceNumbers.map((_, index) => index));
    expect(result.terminal?.usage?.output_tokens_details.reasoning_tokens).toBe(2);
  });

  it('is accepted by the strict responses.stream() wrapper, reasoning included', async () => {
    const stream = client.responses.stream({model: 'gpt-5-mini', input: 'hi'}, headersOf({chunks: 3, reasoning: 1}));
    const response = await stream.finalResponse();
    expect(response.output_text).toBe('w1 w2 w3');
    expect(response.output.map(item => item.type)).toEqual(['reasoning', 'message']);
  });

  it('is accepted by the strict wrapper when there is no text at all', async () => {
    const stream = client.responses.stream({model: 'gpt-5-mini', input: 'hi'}, headersOf({chunks: 0, reasoning: 1}));
    expect((await stream.finalResponse()).output_text).toBe('');
  });

  it('ends with response.incomplete for finish length and content-filter', async () => {
    const length = await collect({finish: 'length'});
    expect(length.types[length.types.length - 1]).toBe('response.incomplete');
    expect(length.terminal?.incomplete_details?.reason).toBe('max_output_tokens');
    expect(length.terminal?.usage?.input_tokens).toBe(42);
    const filtered = await collect({finish: 'content-filter'});
    expect(filtered.terminal?.incomplete_details?.reason).toBe('content_filter');
  });

  it('turns an HTTP 429 into RateLimitError with retry-after and request id', async () => {
    const error = await create({status: 429, retryAfter: 3}).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers?.get('retry-after')).toBe('3');
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).requestID).toMatch(/^req_mock_/);
  });

  it('throws APIError with type "error" and code server_error for a mid-stream event: error', async () => {
    let text = '';
    const error = await (async () => {
      for await (const event of await create({chunks: 4, errorAfter: 2})) {
        if (event.type === 'response.output_text.delta') text += event.delta;
      }
    })().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(text).toBe('w1 w2');
    expect(error).toBeInstanceOf(OpenAI.APIError);
    const apiError = error as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBeUndefined();
    expect(apiError.type).toBe('error');
    expect(apiError.code).toBe('server_error');
  });

  it('throws SyntaxError for a malformed event', async () => {
    await expectAsync(collect({malformedAfter: 1})).toBeRejectedWithError(SyntaxError);
  });

  it('ends the loop with no terminal event for noFinal', async () => {
    const result = await collect({chunks: 2, noFinal: true});
    expect(result.text).toBe('w1 w2');
    expect(result.terminal).toBeUndefined();
  });

  it('records closedEarly on abort, and not after response.completed', async () => {
    const doneTag = uniqueTag();
    await collect({tag: doneTag});
    expect(
      (await waitForMockRequest(doneTag, record => record.completed, {baseUrl: server.url})).closedEarly,
    ).toBeFalse();

    const abortTag = uniqueTag();
    const controller = new AbortController();
    let text = '';
    for await (const event of await create({tag: abortTag, chunks: 10, chunkDelay: 30}, controller.signal)) {
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (text.includes('w2')) controller.abort();
    }
    expect(text).toBe('w1 w2');
    await waitForMockRequest(abortTag, record => record.closedEarly, {baseUrl: server.url});
  });

  it('reads the output schema from text.format.schema, and answers a JSON sample of it', async () => {
    const schema = {type: 'object', properties: {n: {type: 'integer'}}, required: ['n'], additionalProperties: false};
    const format = {type: 'json_schema', name: 'thing', schema, strict: true} as const;
    expect(openAiResponsesWire.outputSchemaOf?.({text: {format}})).toEqual(schema);
    expect(openAiResponsesWire.outputSchemaOf?.({text: {format: {type: 'text'}}})).toBeUndefined();
    expect(openAiResponsesWire.outputSchemaOf?.({input: 'hi'})).toBeUndefined();
    let text = '';
    const stream = await client.responses.create(
      {model: 'gpt-5-mini', input: 'hi', stream: true, text: {format}},
      headersOf({}),
    );
    for await (const event of stream) if (event.type === 'response.output_text.delta') text += event.delta;
    expect(JSON.parse(text)).toEqual({n: 1});
  });

  it('streams a refusal as a refusal content part in a message that completes', async () => {
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of await create({text: 'I cannot help with that.', chunks: 3, finish: 'refusal'})) {
      events.push(event);
    }
    const types = events.map(event => event.type);
    expect(types).not.toContain('response.output_text.delta');
    expect(types).not.toContain('response.output_text.done');
    const added = events.find(event => event.type === 'response.content_part.added');
    expect(added?.type === 'response.content_part.added' && added.part).toEqual({type: 'refusal', refusal: ''});
    const deltas = events.flatMap(event => (event.type === 'response.refusal.delta' ? [event] : []));
    expect(deltas.length).toBe(3);
    expect(deltas.map(event => event.delta).join('')).toBe('I cannot help with that.');
    expect(deltas[0]).toEqual(jasmine.objectContaining({output_index: 0, content_index: 0}));
    const done = events.find(event => event.type === 'response.refusal.done');
    expect(done?.type === 'response.refusal.done' && done.refusal).toBe('I cannot help with that.');
    const part = events.find(event => event.type === 'response.content_part.done');
    expect(part?.type === 'response.content_part.done' && part.part).toEqual({
      type: 'refusal',
      refusal: 'I cannot help with that.',
    });
    const terminal = events[events.length - 1];
    expect(terminal.type).toBe('response.completed');
    const response = terminal.type === 'response.completed' ? terminal.response : undefined;
    expect(response?.status).toBe('completed');
    expect(response?.incomplete_details).toBeNull();
    expect(response?.output).toEqual([
      jasmine.objectContaining({
        type: 'message',
        status: 'completed',
        content: [{type: 'refusal', refusal: 'I cannot help with that.'}],
      }),
    ]);
    expect(events.map(event => event.sequence_number)).toEqual(events.map((_, index) => index));
  });

  describe('tool calls', () => {
    const tools: OpenAI.Responses.FunctionTool[] = [
      {
        type: 'function',
        name: 'weather',
        parameters: {type: 'object', properties: {city: {type: 'string'}}},
        strict: false,
      },
      {
        type: 'function',
        name: 'clock',
        parameters: {type: 'object', properties: {zone: {type: 'string'}}},
        strict: false,
      },
    ];

    it('reads the tools, a forced or refused choice and the rounds (runs of function_call items) from the body', () => {
      expect(openAiResponsesWire.toolsOf?.({input: 'hi'})).toBeUndefined();
      expect(
        openAiResponsesWire.toolsOf?.({tools, tool_choice: {type: 'function', name: 'clock'}, input: 'hi'}),
      ).toEqual({
        tools: [
          {name: 'weather', inputSchema: tools[0].parameters},
          {name: 'clock', inputSchema: tools[1].parameters},
        ],
        forced: 'clock',
        rounds: 0,
      });
      expect(openAiResponsesWire.toolsOf?.({tools, tool_choice: 'none'})?.forced).toBe('none');
      const call = (id: string) => ({type: 'function_call', call_id: id, name: 'clock', arguments: '{}'});
      const output = (id: string) => ({type: 'function_call_output', call_id: id, output: 'x'});
      const input = [
        {role: 'user', content: 'hi'},
        call('a'),
        call('b'),
        output('a'),
        output('b'),
        call('c'),
        output('c'),
      ];
      expect(openAiResponsesWire.toolsOf?.({tools, input})?.rounds).toBe(2);
    });

    it("streams function-call items after reasoning and text, that the SDK's strict stream helper accepts", async () => {
      const stream = client.responses.stream(
        {model: 'gpt-5-mini', input: 'hi', tools},
        headersOf({reasoning: 1, chunks: 2, toolCalls: 2, toolArgs: '{"city": "Oslo"}', toolChunks: 3}),
      );
      const types: string[] = [];
      const sequenceNumbers: number[] = [];
      stream.on('event', event => (types.push(event.type), sequenceNumbers.push(event.sequence_number)));
      const response = await stream.finalResponse();
      expect(response.status).toBe('completed');
      expect(response.output_text).toBe('w1 w2');
      expect(response.output.map(item => item.type)).toEqual([
        'reasoning',
        'message',
        'function_call',
        'function_call',
      ]);
      const calls = response.output.flatMap(item => (item.type === 'function_call' ? [item] : []));
      expect(calls.map(call => [call.name, call.arguments])).toEqual([
        ['weather', '{"city": "Oslo"}'],
        ['clock', '{"city": "Oslo"}'],
      ]);
      expect(calls[0].id).toMatch(/^fc_mock.+t0$/);
      expect(calls[0].call_id).toMatch(/^call_mock.+t0$/);
      expect(types.filter(type => type === 'response.function_call_arguments.delta').length).toBe(6);
      expect(types.indexOf('response.output_item.added', types.indexOf('response.output_text.done'))).toBeGreaterThan(
        0,
      );
      expect(sequenceNumbers).toEqual(sequenceNumbers.map((_, index) => index));
    });

    it('has no message item for an answer of calls only, and streams every piece of repeated text', async () => {
      const args = '{"zone": "aaaa"}';
      const stream = client.responses.stream(
        {model: 'gpt-5-mini', input: 'hi', tools, tool_choice: {type: 'function', name: 'clock'}},
        headersOf({toolArgs: args, toolChunks: args.length}),
      );
      let streamed = '';
      const sequenceNumbers: number[] = [];
      stream.on('event', event => sequenceNumbers.push(event.sequence_number));
      stream.on('response.function_call_arguments.delta', event => (streamed += event.delta));
      const response = await stream.finalResponse();
      expect(response.output.map(item => item.type)).toEqual(['function_call']);
      expect(streamed).toBe(args);
      // Each piece is its own event, even where the texts repeat.
      expect(sequenceNumbers).toEqual(sequenceNumbers.map((_, index) => index));
    });

    it('answers text for tool_choice none, and sends a mid-stream error inside a call in sequence', async () => {
      const none = await client.responses
        .stream({model: 'gpt-5-mini', input: 'hi', tools, tool_choice: 'none'}, headersOf({chunks: 2}))
        .finalResponse();
      expect(none.output.map(item => item.type)).toEqual(['message']);
      expect(none.output_text).toBe('w1 w2');
      const events: OpenAI.Responses.ResponseStreamEvent[] = [];
      const error = await (async () => {
        const stream = await client.responses.create(
          {model: 'gpt-5-mini', input: 'hi', tools, stream: true},
          headersOf({toolChunks: 4, errorAfter: 3}),
        );
        for await (const event of stream) events.push(event);
      })().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect(events.filter(event => event.type === 'response.function_call_arguments.delta').length).toBe(2);
      expect(events.map(event => event.type)).not.toContain('response.output_item.done');
    });
  });
});
