import {compatibleProxyRoute, PROXY_PROVIDER_NAMES, PROXY_ROUTES, type ProxyEndpoint} from './proxy-routes';

const endpointOf = (provider: keyof typeof PROXY_ROUTES, path: string): ProxyEndpoint | undefined =>
  PROXY_ROUTES[provider].endpoints.find(endpoint => endpoint.matches(path));

const GEMINI_PATH = '/v1beta/models/gemini-2.5-flash:streamGenerateContent';
const gemini = () => endpointOf('gemini', GEMINI_PATH)!;
const openAiChat = () => endpointOf('openai', '/chat/completions')!;
const openAiResponses = () => endpointOf('openai', '/responses')!;
const sse = new URLSearchParams('alt=sse');

describe('PROXY_ROUTES', () => {
  it('knows the five providers, each with its upstream and key header', () => {
    expect([...PROXY_PROVIDER_NAMES].sort()).toEqual(['anthropic', 'cohere', 'deepseek', 'gemini', 'openai']);
    expect(PROXY_PROVIDER_NAMES.map(name => PROXY_ROUTES[name].keyHeader)).toEqual([
      'authorization',
      'authorization',
      'x-api-key',
      'x-goog-api-key',
      'authorization',
    ]);
    expect(PROXY_ROUTES.openai.defaultBaseURL).toBe('https://api.openai.com/v1');
  });

  it('matches the streaming endpoints the llm-rx adapters call, each with its wire', () => {
    const wires = [
      endpointOf('openai', '/chat/completions')?.wire,
      endpointOf('openai', '/responses')?.wire,
      endpointOf('deepseek', '/chat/completions')?.wire,
      endpointOf('anthropic', '/v1/messages')?.wire,
      endpointOf('gemini', GEMINI_PATH)?.wire,
      endpointOf('gemini', '/v1/models/gemini-2.5-pro:streamGenerateContent')?.wire,
      endpointOf('gemini', '/v1alpha/tunedModels/my-tune:streamGenerateContent')?.wire,
      endpointOf('cohere', '/v2/chat')?.wire,
    ];
    expect(wires).toEqual([
      'openai-chat',
      'openai-responses',
      'deepseek',
      'anthropic',
      'gemini',
      'gemini',
      'gemini',
      'cohere',
    ]);
  });

  it('matches no other path, so the key cannot reach files, batches or sub-paths', () => {
    const refused: [keyof typeof PROXY_ROUTES, string][] = [
      ['openai', '/files'],
      ['openai', '/chat/completions/x'],
      ['openai', '/chat/completions/'],
      ['openai', '/v1/chat/completions'],
      ['openai', '/responses/resp_1/cancel'],
      ['deepseek', '/responses'],
      ['anthropic', '/v1/messages/batches'],
      ['anthropic', '/v1/messages/count_tokens'],
      ['gemini', '/v1beta/models/gemini-2.5-flash:generateContent'],
      ['gemini', '/v1beta/models/gemini-2.5-flash:countTokens'],
      ['gemini', '/v1beta/models/a/b:streamGenerateContent'],
      ['gemini', '/v1beta/files/x:streamGenerateContent'],
      ['gemini', '/v2/models/gemini-2.5-flash:streamGenerateContent'],
      ['cohere', '/v1/chat'],
    ];
    expect(refused.filter(([provider, path]) => endpointOf(provider, path) !== undefined)).toEqual([]);
  });
});

describe('a proxy endpoint', () => {
  it("reads the model from the body's model, and none from a body without a string one", () => {
    expect(openAiChat().modelOf('/chat/completions', {model: 'gpt-5-mini'})).toBe('gpt-5-mini');
    expect(openAiChat().modelOf('/chat/completions', {model: 42})).toBeUndefined();
    expect(endpointOf('cohere', '/v2/chat')!.modelOf('/v2/chat', {})).toBeUndefined();
  });

  it("reads Gemini's model from the path, decoded, ignoring the body's", () => {
    expect(gemini().modelOf(GEMINI_PATH, {model: 'other'})).toBe('gemini-2.5-flash');
    expect(gemini().modelOf('/v1beta/models/gemini%2D2.5%2Dpro:streamGenerateContent', {})).toBe('gemini-2.5-pro');
    expect(gemini().modelOf('/v1beta/models/bad%E0%A4%A:streamGenerateContent', {})).toBeUndefined();
  });

  it('reads no Gemini model that an encoded slash would take outside its prefix', () => {
    expect(gemini().modelOf('/v1beta/models/gemini%2F..%2Fother:streamGenerateContent', {})).toBeUndefined();
  });

  it('reads the larger of OpenAI chat max_completion_tokens and max_tokens, and sets max_completion_tokens', () => {
    const chat = openAiChat();
    expect(chat.maxTokensOf({max_completion_tokens: 100, max_tokens: 200})).toBe(200);
    expect(chat.maxTokensOf({max_completion_tokens: 300, max_tokens: 200})).toBe(300);
    expect(chat.maxTokensOf({max_completion_tokens: 100, max_tokens: -1})).toBe(-1);
    expect(chat.maxTokensOf({max_tokens: 200})).toBe(200);
    expect(chat.maxTokensOf({})).toBeUndefined();
    expect(chat.withMaxTokens({model: 'm'}, 300)).toEqual({model: 'm', max_completion_tokens: 300});
  });

  it('reads and sets max_output_tokens for OpenAI responses, max_tokens for the others', () => {
    expect(openAiResponses().maxTokensOf({max_output_tokens: 50, max_tokens: 9})).toBe(50);
    expect(openAiResponses().withMaxTokens({}, 64)).toEqual({max_output_tokens: 64});
    for (const [provider, path] of [
      ['deepseek', '/chat/completions'],
      ['anthropic', '/v1/messages'],
      ['cohere', '/v2/chat'],
    ] as const) {
      const endpoint = endpointOf(provider, path)!;
      expect(endpoint.maxTokensOf({max_tokens: 7, max_completion_tokens: 8}))
        .withContext(provider)
        .toBe(7);
      expect(endpoint.withMaxTokens({model: 'm'}, 5))
        .withContext(provider)
        .toEqual({model: 'm', max_tokens: 5});
    }
  });

  it("reads and sets Gemini's generationConfig.maxOutputTokens, keeping its other fields", () => {
    const endpoint = gemini();
    expect(endpoint.maxTokensOf({generationConfig: {maxOutputTokens: 12}})).toBe(12);
    expect(endpoint.maxTokensOf({generationConfig: 'junk'})).toBeUndefined();
    expect(endpoint.maxTokensOf({max_tokens: 12})).toBeUndefined();
    expect(endpoint.withMaxTokens({contents: [], generationConfig: {temperature: 0.2}}, 99)).toEqual({
      contents: [],
      generationConfig: {temperature: 0.2, maxOutputTokens: 99},
    });
    expect(endpoint.withMaxTokens({}, 99)).toEqual({generationConfig: {maxOutputTokens: 99}});
  });

  it('asks for "stream": true from the body endpoints, and for ?alt=sse from Gemini', () => {
    const none = new URLSearchParams();
    expect(openAiChat().shapeProblemOf({stream: true}, none)).toBeUndefined();
    expect(openAiChat().shapeProblemOf({}, none)).toContain('"stream": true');
    expect(endpointOf('anthropic', '/v1/messages')!.shapeProblemOf({stream: 'true'}, sse)).toContain('stream');
    expect(gemini().shapeProblemOf({}, sse)).toBeUndefined();
    expect(gemini().shapeProblemOf({stream: true}, none)).toContain('alt=sse');
    expect(gemini().shapeProblemOf({}, new URLSearchParams('alt=json'))).toContain('alt=sse');
    expect(gemini().shapeProblemOf({generation_config: {max_output_tokens: 1e6}}, sse)).toContain('generationConfig');
  });

  it('asks Chat Completions for its usage, keeping the other stream_options', () => {
    const reported = openAiChat().withUsageReported({model: 'm', stream_options: {other: 1, include_usage: false}});
    expect(reported).toEqual({model: 'm', stream_options: {other: 1, include_usage: true}});
    expect(openAiChat().withUsageReported({model: 'm'})).toEqual({model: 'm', stream_options: {include_usage: true}});
    const deepSeek = endpointOf('deepseek', '/chat/completions')!;
    expect(deepSeek.withUsageReported({stream_options: 'junk'})).toEqual({stream_options: {include_usage: true}});
    const already = {stream_options: {include_usage: true}};
    expect(openAiChat().withUsageReported(already)).toBe(already);
  });

  it('leaves the bodies of the endpoints that always report usage unchanged', () => {
    const body = {model: 'm', stream: true};
    expect(openAiResponses().withUsageReported(body)).toBe(body);
    expect(endpointOf('anthropic', '/v1/messages')!.withUsageReported(body)).toBe(body);
    expect(endpointOf('cohere', '/v2/chat')!.withUsageReported(body)).toBe(body);
    expect(gemini().withUsageReported(body)).toBe(body);
  });
});

describe('compatibleProxyRoute', () => {
  const service = {apiKey: 'gsk_x', models: ['llama*'], baseURL: 'https://api.groq.com/openai/v1'};
  const endpointOfService = (quirks?: {streamOptions?: boolean}) =>
    compatibleProxyRoute({...service, ...(quirks && {quirks})}).endpoints.find(endpoint =>
      endpoint.matches('/chat/completions'),
    )!;

  it('serves its Chat Completions endpoint only, upstream at its base URL with a bearer key', () => {
    const route = compatibleProxyRoute(service);
    expect(route.defaultBaseURL).toBe('https://api.groq.com/openai/v1');
    expect(route.keyHeader).toBe('authorization');
    expect(route.endpoints.map(endpoint => endpoint.wire)).toEqual(['openai-compatible']);
    expect(
      ['/responses', '/embeddings', '/chat/completions/x'].filter(path => route.endpoints[0].matches(path)),
    ).toEqual([]);
  });

  it('writes the cap as max_tokens, and reads either field', () => {
    const endpoint = endpointOfService();
    expect(endpoint.withMaxTokens({model: 'm'}, 512)).toEqual({model: 'm', max_tokens: 512});
    expect(endpoint.maxTokensOf({max_completion_tokens: 300})).toBe(300);
  });

  it('asks for usage with stream_options, unless its quirks say the service refuses the field', () => {
    const body = {model: 'm', stream: true};
    expect(endpointOfService().withUsageReported(body)).toEqual({...body, stream_options: {include_usage: true}});
    expect(endpointOfService({streamOptions: true}).withUsageReported(body)).toEqual({
      ...body,
      stream_options: {include_usage: true},
    });
    expect(endpointOfService({streamOptions: false}).withUsageReported(body)).toBe(body);
  });
});
