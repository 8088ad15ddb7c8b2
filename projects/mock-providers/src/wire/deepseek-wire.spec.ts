import OpenAI from 'openai';
import {mockScenario, type MockScenario} from '../client/mock-provider-client';
import {startMockProviderServer, type MockProviderServer} from '../mock-provider-server';
import {DEEPSEEK_OUTPUT_SCHEMA_MARKER, deepSeekWire} from './deepseek-wire';

/** DeepSeek's extra usage fields, which the SDK passes through untyped. */
interface DeepSeekUsage extends OpenAI.CompletionUsage {
  prompt_cache_hit_tokens: number;
  prompt_cache_miss_tokens: number;
}

// The byte-faithfulness check: the real `openai` SDK, pointed at DeepSeek's path, must parse what the wire sends.
describe('deepSeekWire with the openai SDK', () => {
  let server: MockProviderServer;
  let client: OpenAI;

  beforeAll(async () => {
    server = await startMockProviderServer({port: 0});
    client = new OpenAI({apiKey: 'sk-test', baseURL: `${server.url}/deepseek`, maxRetries: 0});
  });

  afterAll(async () => {
    await server.close();
  });

  function create(scenario: MockScenario) {
    return client.chat.completions.create(
      {
        model: 'deepseek-reasoner',
        messages: [{role: 'user', content: 'hi'}],
        stream: true,
        stream_options: {include_usage: true},
      },
      {headers: {'x-mock-scenario': mockScenario(scenario)}},
    );
  }

  async function collect(scenario: MockScenario) {
    let text = '';
    let reasoning = '';
    let finishReason: string | null = null;
    let usage: DeepSeekUsage | undefined;
    for await (const chunk of await create(scenario)) {
      const delta = chunk.choices[0]?.delta as {content?: string | null; reasoning_content?: string | null} | undefined;
      text += delta?.content ?? '';
      reasoning += delta?.reasoning_content ?? '';
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      if (chunk.usage) usage = chunk.usage as DeepSeekUsage;
    }
    return {text, reasoning, finishReason, usage};
  }

  it('matches POST /deepseek/chat/completions only', () => {
    expect(deepSeekWire.matches('POST', '/deepseek/chat/completions')).toBeTrue();
    expect(deepSeekWire.matches('POST', '/v1/chat/completions')).toBeFalse();
    expect(deepSeekWire.modelOf('/deepseek/chat/completions', {model: 'deepseek-chat'})).toBe('deepseek-chat');
  });

  it('opens with a keep-alive comment that the SDK ignores', () => {
    const plan = {
      model: 'deepseek-chat',
      responseId: 'r',
      created: 1,
      reasoningChunks: [],
      textChunks: ['a'],
      usage: {inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0},
      finish: 'stop' as const,
      requestBody: null,
      outputSchema: undefined,
      toolCalls: [],
    };
    expect(deepSeekWire.openingEvents(plan)[0]).toBe(': keep-alive\n\n');
  });

  it('streams reasoning_content before content, and the cache hit/miss usage', async () => {
    const result = await collect({
      reasoning: 2,
      text: 'Bonjour le monde',
      chunks: 3,
      inputTokens: 100,
      cachedTokens: 64,
    });
    expect(result.reasoning).toBe('Thinking about the question. Step 2.');
    expect(result.text).toBe('Bonjour le monde');
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toEqual(
      jasmine.objectContaining({
        prompt_tokens: 100,
        completion_tokens: 5,
        total_tokens: 105,
        prompt_cache_hit_tokens: 64,
        prompt_cache_miss_tokens: 36,
        prompt_tokens_details: {cached_tokens: 64},
        completion_tokens_details: {reasoning_tokens: 2},
      }),
    );
  });

  it("gives every chunk the response's UUID as its id and the model asked for, as DeepSeek does", async () => {
    const ids = new Set<string>();
    const models = new Set<string>();
    for await (const chunk of await create({text: 'Hi'})) {
      ids.add(chunk.id);
      models.add(chunk.model);
    }
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...models]).toEqual(['deepseek-reasoner']);
  });

  it('streams plain content for a model without reasoning', async () => {
    const result = await collect({chunks: 2, finish: 'length'});
    expect(result.text).toBe('w1 w2');
    expect(result.reasoning).toBe('');
    expect(result.finishReason).toBe('length');
    expect(result.usage?.prompt_cache_miss_tokens).toBe(42);
  });

  it("turns HTTP errors into the SDK's classes with DeepSeek's error types", async () => {
    const errorOf = (status: number) =>
      create({status}).then(
        () => undefined,
        (caught: unknown) => caught as InstanceType<typeof OpenAI.APIError>,
      );
    const unauthorized = await errorOf(401);
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(unauthorized?.type).toBe('authentication_error');
    expect(await errorOf(429)).toBeInstanceOf(OpenAI.RateLimitError);
    expect((await errorOf(503))?.status).toBe(503);
  });

  it('throws APIError for a mid-stream error after the reasoning', async () => {
    let reasoning = '';
    const error = await (async () => {
      for await (const chunk of await create({reasoning: 1, chunks: 2, errorAfter: 1})) {
        reasoning += (chunk.choices[0]?.delta as {reasoning_content?: string}).reasoning_content ?? '';
      }
    })().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(reasoning).toBe('Thinking about the question.');
    expect(error).toBeInstanceOf(OpenAI.APIError);
  });

  it('throws SyntaxError for a malformed event', async () => {
    await expectAsync(collect({malformedAfter: 0})).toBeRejectedWithError(SyntaxError);
  });

  it('reads the output schema after the marker in the system message of a JSON-mode request', async () => {
    const schema = {type: 'object', properties: {title: {type: 'string'}}, required: ['title']};
    const system = `Be brief.\n\nAnswer with one JSON object. ${DEEPSEEK_OUTPUT_SCHEMA_MARKER}\n${JSON.stringify(schema)}`;
    const body = {
      response_format: {type: 'json_object'},
      messages: [
        {role: 'system', content: system},
        {role: 'user', content: 'hi'},
      ],
    };
    expect(deepSeekWire.outputSchemaOf?.(body)).toEqual(schema);
    // Not JSON mode, no marker, or no JSON after it: no schema.
    expect(deepSeekWire.outputSchemaOf?.({...body, response_format: undefined})).toBeUndefined();
    expect(
      deepSeekWire.outputSchemaOf?.({...body, messages: [{role: 'system', content: 'Answer in JSON.'}]}),
    ).toBeUndefined();
    expect(
      deepSeekWire.outputSchemaOf?.({
        ...body,
        messages: [{role: 'system', content: `${DEEPSEEK_OUTPUT_SCHEMA_MARKER} {`}],
      }),
    ).toBeUndefined();
    expect(deepSeekWire.outputSchemaOf?.(null)).toBeUndefined();
    let text = '';
    const stream = await client.chat.completions.create(
      {
        model: 'deepseek-chat',
        messages: body.messages as OpenAI.Chat.ChatCompletionMessageParam[],
        stream: true,
        response_format: {type: 'json_object'},
      },
      {headers: {'x-mock-scenario': mockScenario({})}},
    );
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(JSON.parse(text)).toEqual({title: 'sample text'});
  });

  it('plays a refusal as its content filter, the words as content', async () => {
    const result = await collect({text: 'I cannot help with that.', finish: 'refusal'});
    expect(result.text).toBe('I cannot help with that.');
    expect(result.finishReason).toBe('content_filter');
  });

  it('reads the tools from the body and streams calls by index after the reasoning, with call_<index>_ ids', async () => {
    const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [
      {type: 'function', function: {name: 'clock', parameters: {type: 'object', properties: {zone: {type: 'string'}}}}},
    ];
    expect(deepSeekWire.toolsOf?.({tools, tool_choice: 'none'})).toEqual({
      tools: [{name: 'clock', inputSchema: {type: 'object', properties: {zone: {type: 'string'}}}}],
      forced: 'none',
      rounds: 0,
    });
    const stream = client.chat.completions.stream(
      {model: 'deepseek-reasoner', messages: [{role: 'user', content: 'hi'}], tools},
      {headers: {'x-mock-scenario': mockScenario({reasoning: 1, toolCalls: 2, toolChunks: 2})}},
    );
    const deltas: Record<string, unknown>[] = [];
    stream.on('chunk', chunk => chunk.choices[0] && deltas.push(chunk.choices[0].delta as Record<string, unknown>));
    const [choice] = (await stream.finalChatCompletion()).choices;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.tool_calls?.map(call => call.id)).toEqual([
      jasmine.stringMatching(/^call_0_mock.+t0$/),
      jasmine.stringMatching(/^call_1_mock.+t1$/),
    ]);
    const firstCall = deltas.findIndex(delta => delta['tool_calls'] !== undefined);
    expect(
      deltas.findIndex(delta => typeof delta['reasoning_content'] === 'string' && delta['reasoning_content'] !== ''),
    ).toBeLessThan(firstCall);
    expect(deltas[firstCall]).toEqual(jasmine.objectContaining({content: null, reasoning_content: null}));
  });
});
