import OpenAI from 'openai';
import {mockScenario, waitForMockRequest, type MockScenario} from '../client/mock-provider-client';
import {startMockProviderServer, type MockProviderServer} from '../mock-provider-server';
import {openAiChatWire} from './openai-chat-wire';

// The byte-faithfulness check: the real `openai` SDK must parse what the wire sends.
describe('openAiChatWire with the openai SDK', () => {
  let server: MockProviderServer;
  let client: OpenAI;
  let tagNumber = 0;
  const uniqueTag = () => `openai-chat-spec-${Date.now()}-${tagNumber++}`;

  beforeAll(async () => {
    server = await startMockProviderServer({port: 0});
    client = new OpenAI({apiKey: 'sk-test', baseURL: `${server.url}/v1`, maxRetries: 0});
  });

  afterAll(async () => {
    await server.close();
  });

  function create(scenario: MockScenario, signal?: AbortSignal) {
    return client.chat.completions.create(
      {
        model: 'gpt-4.1-mini',
        messages: [{role: 'user', content: 'hi'}],
        stream: true,
        stream_options: {include_usage: true},
      },
      {headers: {'x-mock-scenario': mockScenario(scenario)}, signal},
    );
  }

  async function collect(scenario: MockScenario) {
    let text = '';
    let finishReason: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of await create(scenario)) {
      text += chunk.choices[0]?.delta.content ?? '';
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      if (chunk.usage) usage = chunk.usage;
    }
    return {text, finishReason, usage};
  }

  it('matches POST /v1/chat/completions only and reads the model from the body', () => {
    expect(openAiChatWire.matches('POST', '/v1/chat/completions')).toBeTrue();
    expect(openAiChatWire.matches('GET', '/v1/chat/completions')).toBeFalse();
    expect(openAiChatWire.matches('POST', '/v1/responses')).toBeFalse();
    expect(openAiChatWire.modelOf('/v1/chat/completions', {model: 'gpt-5'})).toBe('gpt-5');
  });

  it('streams text, finish reason and usage with cached and reasoning details', async () => {
    const result = await collect({
      text: 'Hello brave world',
      chunks: 3,
      cachedTokens: 10,
      reasoningTokens: 4,
      outputTokens: 7,
    });
    expect(result.text).toBe('Hello brave world');
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toEqual(
      jasmine.objectContaining({
        prompt_tokens: 42,
        completion_tokens: 7,
        total_tokens: 49,
        prompt_tokens_details: jasmine.objectContaining({cached_tokens: 10}),
        completion_tokens_details: jasmine.objectContaining({reasoning_tokens: 4}),
      }),
    );
  });

  it('reports finish length and content_filter', async () => {
    expect((await collect({finish: 'length'})).finishReason).toBe('length');
    expect((await collect({finish: 'content-filter'})).finishReason).toBe('content_filter');
  });

  it('counts reasoning chunks in usage but streams no reasoning text', async () => {
    const result = await collect({chunks: 2, reasoning: 3});
    expect(result.text).toBe('w1 w2');
    expect(result.usage?.completion_tokens).toBe(5);
    expect(result.usage?.completion_tokens_details?.reasoning_tokens).toBe(3);
  });

  it('turns an HTTP 429 into RateLimitError with code, retry-after and request id', async () => {
    const error = await create({status: 429, retryAfter: 1}).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.code).toBe('rate_limit_exceeded');
    expect(rateLimit.headers?.get('retry-after')).toBe('1');
    expect(rateLimit.requestID).toMatch(/^req_mock_\d+$/);
  });

  it("turns 401, 404, 500 and 503 into the SDK's classes", async () => {
    const statusOf = (status: number) =>
      create({status}).then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(await statusOf(401)).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(await statusOf(404)).toBeInstanceOf(OpenAI.NotFoundError);
    expect(await statusOf(500)).toBeInstanceOf(OpenAI.InternalServerError);
    expect(await statusOf(503)).toBeInstanceOf(OpenAI.InternalServerError);
  });

  it('throws APIError with no status for a mid-stream error, after the content', async () => {
    let text = '';
    const error = await (async () => {
      for await (const chunk of await create({chunks: 4, errorAfter: 2})) text += chunk.choices[0]?.delta.content ?? '';
    })().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(text).toBe('w1 w2');
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBeUndefined();
    expect((error as InstanceType<typeof OpenAI.APIError>).type).toBe('server_error');
  });

  it('throws SyntaxError for a malformed event', async () => {
    await expectAsync(collect({malformedAfter: 1})).toBeRejectedWithError(SyntaxError, /malformed/);
  });

  it('ends the loop without usage when the final events are missing', async () => {
    const result = await collect({chunks: 2, noFinal: true});
    expect(result.text).toBe('w1 w2');
    expect(result.usage).toBeUndefined();
    expect(result.finishReason).toBeNull();
  });

  it('is not closedEarly when the SDK stops reading at [DONE], and is when it is aborted', async () => {
    const doneTag = uniqueTag();
    await collect({tag: doneTag});
    await new Promise(resolve => setTimeout(resolve, 100));
    expect((await waitForMockRequest(doneTag, () => true, {baseUrl: server.url})).closedEarly).toBeFalse();

    const abortTag = uniqueTag();
    const controller = new AbortController();
    let text = '';
    for await (const chunk of await create({tag: abortTag, chunks: 10, chunkDelay: 30}, controller.signal)) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (text.includes('w2')) controller.abort();
    }
    expect(text).toBe('w1 w2');
    await waitForMockRequest(abortTag, record => record.closedEarly, {baseUrl: server.url});
  });

  it('surfaces a dropped connection as a TypeError', async () => {
    await expectAsync(collect({chunks: 3, dropAfter: 1})).toBeRejectedWithError(TypeError);
  });

  it('reads the output schema from response_format.json_schema.schema, and answers a JSON sample of it', async () => {
    const schema = {
      type: 'object',
      properties: {title: {type: 'string'}},
      required: ['title'],
      additionalProperties: false,
    };
    const format = {type: 'json_schema', json_schema: {name: 'thing', schema, strict: true}} as const;
    expect(openAiChatWire.outputSchemaOf?.({response_format: format})).toEqual(schema);
    expect(openAiChatWire.outputSchemaOf?.({response_format: {type: 'json_object'}})).toBeUndefined();
    expect(openAiChatWire.outputSchemaOf?.({messages: []})).toBeUndefined();
    expect(openAiChatWire.outputSchemaOf?.(null)).toBeUndefined();
    let text = '';
    const stream = await client.chat.completions.create(
      {model: 'gpt-4.1-mini', messages: [{role: 'user', content: 'hi'}], stream: true, response_format: format},
      {headers: {'x-mock-scenario': mockScenario({})}},
    );
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(JSON.parse(text)).toEqual({title: 'sample text'});
  });

  it('streams a refusal as delta.refusal pieces, content null, and finish reason stop', async () => {
    const deltas: OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta[] = [];
    let finishReason: string | null = null;
    for await (const chunk of await create({text: 'I cannot help with that.', chunks: 3, finish: 'refusal'})) {
      const choice = chunk.choices[0];
      if (choice?.delta) deltas.push(choice.delta);
      finishReason = choice?.finish_reason ?? finishReason;
    }
    expect(deltas[0]).toEqual({role: 'assistant', content: null, refusal: ''});
    const pieces = deltas.slice(1, 4);
    expect(pieces.map(delta => delta.refusal).join('')).toBe('I cannot help with that.');
    expect(pieces.every(delta => delta.content === undefined || delta.content === null)).toBeTrue();
    expect(deltas.some(delta => typeof delta.content === 'string' && delta.content !== '')).toBeFalse();
    expect(finishReason).toBe('stop');
  });

  describe('tool calls', () => {
    const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {name: 'weather', parameters: {type: 'object', properties: {city: {type: 'string'}}}},
      },
      {type: 'function', function: {name: 'clock', parameters: {type: 'object', properties: {zone: {type: 'string'}}}}},
    ];
    type StreamParams = Parameters<OpenAI['chat']['completions']['stream']>[0];
    const params = (
      scenario: MockScenario,
      fields: Partial<StreamParams> = {},
    ): [StreamParams, OpenAI.RequestOptions] => [
      {model: 'gpt-4.1-mini', messages: [{role: 'user', content: 'hi'}], tools, ...fields},
      {headers: {'x-mock-scenario': mockScenario(scenario)}},
    ];

    it('reads the tools, a forced or refused choice and the rounds from the body', () => {
      expect(openAiChatWire.toolsOf?.({messages: []})).toBeUndefined();
      expect(openAiChatWire.toolsOf?.({tools, tool_choice: {type: 'function', function: {name: 'clock'}}})).toEqual({
        tools: [
          {name: 'weather', inputSchema: tools[0].type === 'function' ? tools[0].function.parameters : undefined},
          {name: 'clock', inputSchema: tools[1].type === 'function' ? tools[1].function.parameters : undefined},
        ],
        forced: 'clock',
        rounds: 0,
      });
      expect(openAiChatWire.toolsOf?.({tools, tool_choice: 'none'})?.forced).toBe('none');
      const messages = [
        {role: 'user', content: 'hi'},
        {role: 'assistant', content: null, tool_calls: [{id: 'a', type: 'function', function: {name: 'clock'}}]},
        {role: 'tool', tool_call_id: 'a', content: 'x'},
        {role: 'assistant', content: 'ok'},
      ];
      const required = openAiChatWire.toolsOf?.({tools, tool_choice: 'required', messages});
      expect(required?.rounds).toBe(1);
      expect(required && 'forced' in required).toBeFalse();
    });

    it("streams calls by index that the SDK's own stream helper assembles, finishing tool_calls", async () => {
      const [body, options] = params({toolCalls: 2, toolArgs: '{"city": "Oslo"}', toolChunks: 3});
      const stream = client.chat.completions.stream(body, options);
      const deltas: OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta[] = [];
      stream.on('chunk', chunk => chunk.choices[0] && deltas.push(chunk.choices[0].delta));
      const completion = await stream.finalChatCompletion();
      const [choice] = completion.choices;
      expect(choice.finish_reason).toBe('tool_calls');
      expect(choice.message.content).toBeNull();
      expect(
        choice.message.tool_calls?.map(
          call => call.type === 'function' && [call.function.name, call.function.arguments],
        ),
      ).toEqual([
        ['weather', '{"city": "Oslo"}'],
        ['clock', '{"city": "Oslo"}'],
      ]);
      expect(choice.message.tool_calls?.[0].id).toMatch(/^call_mock.+t0$/);
      // The first delta of a call has its id and name; the others its index and arguments only.
      const entries = deltas.flatMap(delta => delta.tool_calls ?? []);
      expect(entries.length).toBe(8);
      expect(entries[1]).toEqual({index: 0, function: {arguments: jasmine.any(String)}});
      expect(entries[4]).toEqual({
        index: 1,
        id: jasmine.any(String),
        type: 'function',
        function: {name: 'clock', arguments: ''},
      });
    });

    it('answers a forced tool, text for tool_choice none, and text once the conversation had its rounds', async () => {
      const calledOf = async (scenario: MockScenario, fields: Partial<StreamParams>) => {
        const [body, options] = params(scenario, fields);
        const completion = await client.chat.completions.stream(body, options).finalChatCompletion();
        return completion.choices[0].message.tool_calls?.map(call => call.type === 'function' && call.function.name);
      };
      expect(await calledOf({toolCalls: 2}, {tool_choice: {type: 'function', function: {name: 'clock'}}})).toEqual([
        'clock',
        'clock',
      ]);
      expect(await calledOf({}, {tool_choice: 'none'})).toBeUndefined();
      const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
        {role: 'user', content: 'hi'},
        {
          role: 'assistant',
          content: null,
          tool_calls: [{id: 'a', type: 'function', function: {name: 'clock', arguments: '{}'}}],
        },
        {role: 'tool', tool_call_id: 'a', content: '09:30'},
      ];
      expect(await calledOf({}, {messages})).toBeUndefined();
      expect(await calledOf({toolRounds: 2}, {messages})).toEqual(['weather']);
    });
  });
});
