import {
  createWarnOnce,
  LlmInvalidRequestError,
  type LlmRequest,
  providerOptionsOf,
  resolveLlmOutput,
  resolveLlmTools,
} from 'llm-rx';
import {DEFAULT_ANTHROPIC_MAX_TOKENS, type AnthropicRequestCall, toAnthropicRequestBody} from './anthropic-request';

/** The body for a request, as the provider builds it (a new model, so a new `warnOnce`, unless one is given). */
function bodyOf(
  model: string,
  request: LlmRequest,
  defaultMaxTokens?: number,
  warnOnce: AnthropicRequestCall['warnOnce'] = createWarnOnce(),
) {
  return toAnthropicRequestBody({
    model,
    request,
    options: {defaultMaxTokens},
    providerOptions: providerOptionsOf(request, 'anthropic'),
    output: request.output === undefined ? undefined : resolveLlmOutput(request.output),
    tools: resolveLlmTools(request),
    warnOnce,
  });
}

describe('toAnthropicRequestBody', () => {
  it('maps a prompt with the default max_tokens and stream: true', () => {
    expect(bodyOf('claude-haiku-4-5', {userPrompt: 'Hi'})).toEqual({
      model: 'claude-haiku-4-5',
      max_tokens: DEFAULT_ANTHROPIC_MAX_TOKENS,
      messages: [{role: 'user', content: 'Hi'}],
      stream: true,
    });
    expect(DEFAULT_ANTHROPIC_MAX_TOKENS).toBe(4096);
  });

  it('maps system, messages, maxTokens and stopSequences to the Messages API fields', () => {
    const body = bodyOf(
      'claude-sonnet-4-6',
      {
        systemPrompt: 'Be brief.',
        messages: [
          {role: 'user', content: 'A'},
          {role: 'assistant', content: 'B'},
          {role: 'user', content: 'C'},
        ],
        maxTokens: 100,
        stopSequences: ['END'],
      },
      512,
    );
    expect(body).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 100,
      system: 'Be brief.',
      messages: [
        {role: 'user', content: 'A'},
        {role: 'assistant', content: 'B'},
        {role: 'user', content: 'C'},
      ],
      stop_sequences: ['END'],
      stream: true,
    });
  });

  it('uses the given default max_tokens when the request sets none', () => {
    expect(bodyOf('m', {userPrompt: 'Hi'}, 512).max_tokens).toBe(512);
  });

  it('warns once, not per request, that temperature and topP are not sent', () => {
    const warn = spyOn(console, 'warn');
    const warnOnce = createWarnOnce();
    bodyOf('claude-haiku-4-5', {userPrompt: 'Hi', temperature: 0.5}, undefined, warnOnce);
    bodyOf('claude-haiku-4-5', {userPrompt: 'Hi', topP: 0.5}, undefined, warnOnce);
    bodyOf('claude-haiku-4-5', {userPrompt: 'Hi'}, undefined, warnOnce);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.calls.first().args[0]).toMatch(/^llm-rx: anthropic \(claude-haiku-4-5\) ignores temperature and topP/);
  });

  it('does not warn when no sampling parameter is given', () => {
    const warn = spyOn(console, 'warn');
    bodyOf('claude-haiku-4-5', {userPrompt: 'Hi', maxTokens: 10});
    expect(warn).not.toHaveBeenCalled();
  });

  it('does not send temperature or topP, which API version 2026-10-21 rejects', () => {
    const body = bodyOf('m', {userPrompt: 'Hi', temperature: 0.5, topP: 0.9});
    expect(Object.keys(body)).not.toContain('temperature');
    expect(Object.keys(body)).not.toContain('top_p');
  });

  it('rejects a temperature above 1 with LlmInvalidRequestError naming the field', () => {
    let thrown: unknown;
    try {
      bodyOf('claude-haiku-4-5', {userPrompt: 'Hi', temperature: 1.5});
    } catch (error) {
      thrown = error;
    }
    expect(LlmInvalidRequestError.isInstance(thrown)).toBeTrue();
    expect((thrown as LlmInvalidRequestError).field).toBe('temperature');
    expect((thrown as Error).message).toMatch(/^llm-rx: anthropic accepts a temperature from 0 to 1; got 1.5/);
  });

  it('accepts a temperature of exactly 1', () => {
    expect(() => bodyOf('m', {userPrompt: 'Hi', temperature: 1})).not.toThrow();
  });

  it('merges providerOptions.anthropic over the mapped fields but keeps stream true', () => {
    const body = bodyOf('m', {
      userPrompt: 'Hi',
      maxTokens: 10,
      providerOptions: {
        anthropic: {max_tokens: 20, thinking: {type: 'adaptive'}, stream: false},
        openai: {store: true},
      },
    });
    expect(body).toEqual({
      model: 'm',
      max_tokens: 20,
      messages: [{role: 'user', content: 'Hi'}],
      thinking: {type: 'adaptive'},
      stream: true,
    } as never);
  });

  describe('with tools', () => {
    const weather = {
      name: 'weather',
      inputSchema: {type: 'object', properties: {city: {type: 'string'}}, required: ['city']},
    };
    const messages: LlmRequest['messages'] = [
      {role: 'user', content: 'Weather?'},
      {
        role: 'assistant',
        content: '',
        toolCalls: [{toolCallId: 'toolu_1', toolName: 'weather', input: {city: 'Oslo'}}],
      },
      {role: 'tool', toolCallId: 'toolu_1', toolName: 'weather', output: 'snow'},
    ];

    it('sends the tools, the tool choice and the conversation with its tool_use and tool_result blocks', () => {
      expect(bodyOf('claude-haiku-4-5', {messages, tools: [weather], toolChoice: 'required'})).toEqual({
        model: 'claude-haiku-4-5',
        max_tokens: DEFAULT_ANTHROPIC_MAX_TOKENS,
        messages: [
          {role: 'user', content: 'Weather?'},
          {role: 'assistant', content: [{type: 'tool_use', id: 'toolu_1', name: 'weather', input: {city: 'Oslo'}}]},
          {role: 'user', content: [{type: 'tool_result', tool_use_id: 'toolu_1', content: 'snow'}]},
        ],
        tools: [{name: 'weather', input_schema: weather.inputSchema, eager_input_streaming: true}],
        tool_choice: {type: 'any'},
        stream: true,
      } as never);
    });

    it('lets providerOptions.anthropic replace the mapped tool_choice', () => {
      const body = bodyOf('m', {
        userPrompt: 'Hi',
        tools: [weather],
        toolChoice: 'auto',
        providerOptions: {anthropic: {tool_choice: {type: 'any'}}},
      });
      expect(body.tool_choice).toEqual({type: 'any'});
    });
  });

  describe('with an output schema', () => {
    const schema = {type: 'object', properties: {name: {type: 'string'}}, required: ['name']};
    const request: LlmRequest = {userPrompt: 'Hi', output: {schema, name: 'contact', description: 'A contact'}};

    it('sends it as output_config.format to a model with native structured output', () => {
      expect(bodyOf('claude-sonnet-4-5', request)).toEqual({
        model: 'claude-sonnet-4-5',
        max_tokens: DEFAULT_ANTHROPIC_MAX_TOKENS,
        messages: [{role: 'user', content: 'Hi'}],
        output_config: {
          format: {type: 'json_schema', schema: {...schema, additionalProperties: false, description: 'A contact'}},
        },
        stream: true,
      } as never);
    });

    it('sends it as a forced tool to a model without', () => {
      const body = bodyOf('claude-3-5-haiku-latest', request);
      expect(body).toEqual({
        model: 'claude-3-5-haiku-latest',
        max_tokens: DEFAULT_ANTHROPIC_MAX_TOKENS,
        messages: [{role: 'user', content: 'Hi'}],
        tools: [{name: 'contact', description: 'A contact', input_schema: schema}],
        tool_choice: {type: 'tool', name: 'contact', disable_parallel_tool_use: true},
        stream: true,
      } as never);
      expect(Object.keys(body)).not.toContain('output_config');
    });

    it('merges an output_config of providerOptions.anthropic into the native one', () => {
      const body = bodyOf('claude-sonnet-4-6', {
        ...request,
        providerOptions: {anthropic: {output_config: {effort: 'low'}}},
      });
      expect(body.output_config).toEqual({
        format: jasmine.objectContaining({type: 'json_schema'}),
        effort: 'low',
      } as never);
    });

    it('sends a prose request of a native model neither output_config nor tools', () => {
      const body = bodyOf('claude-sonnet-4-5', {userPrompt: 'Hi'});
      expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model', 'stream']);
    });
  });
});
