import type {LlmRequest} from 'llm-rx';
import {type OpenAiMaxTokensField, toOpenAiChatParams} from './openai-chat-params';

/** The body for a request, as the stream builds it. */
const bodyOf = (
  model: string,
  request: LlmRequest,
  providerOptions: Record<string, unknown> | undefined,
  maxTokensField: OpenAiMaxTokensField,
) => toOpenAiChatParams({model, request, providerOptions}, {maxTokensField});

describe('toOpenAiChatParams', () => {
  it('sends a prompt as one user message, streaming with usage', () => {
    expect(bodyOf('gpt-4.1-mini', {userPrompt: 'Hello'}, undefined, 'max_completion_tokens')).toEqual({
      model: 'gpt-4.1-mini',
      messages: [{role: 'user', content: 'Hello'}],
      stream: true,
      stream_options: {include_usage: true},
    });
  });

  it('puts the system prompt first and maps sampling to the API fields', () => {
    const body = bodyOf(
      'gpt-4.1-mini',
      {
        systemPrompt: 'Be brief.',
        messages: [
          {role: 'user', content: 'Hi'},
          {role: 'assistant', content: 'Hello!'},
          {role: 'user', content: 'Bye'},
        ],
        temperature: 0.2,
        topP: 0.9,
        maxTokens: 100,
        stopSequences: ['END'],
      },
      undefined,
      'max_completion_tokens',
    );
    expect(body).toEqual({
      model: 'gpt-4.1-mini',
      messages: [
        {role: 'system', content: 'Be brief.'},
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: 'Hello!'},
        {role: 'user', content: 'Bye'},
      ],
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 100,
      stop: ['END'],
      stream: true,
      stream_options: {include_usage: true},
    });
  });

  it("sends no stream_options, not even the provider options' own, to a service that refuses them", () => {
    const body = toOpenAiChatParams(
      {model: 'mistral-small-latest', request: {userPrompt: 'Hi'}, providerOptions: {stream_options: {x: 1}, seed: 7}},
      {maxTokensField: 'max_tokens', streamOptions: false},
    );
    expect('stream_options' in body).toBeFalse();
    expect((body as unknown as {seed: number}).seed).toBe(7);
  });

  it('uses max_tokens for compatible services', () => {
    const body = bodyOf('deepseek-chat', {userPrompt: 'Hi', maxTokens: 5}, undefined, 'max_tokens');
    expect(body.max_tokens).toBe(5);
    expect('max_completion_tokens' in body).toBeFalse();
  });

  it('merges provider options but keeps model, streaming and usage reporting', () => {
    const body = bodyOf(
      'gpt-4.1-mini',
      {userPrompt: 'Hi', temperature: 1},
      {temperature: 0, seed: 7, model: 'other', stream: false, stream_options: {include_usage: false, extra: 1}},
      'max_completion_tokens',
    );
    expect(body.temperature).toBe(0);
    expect((body as unknown as Record<string, unknown>)['seed']).toBe(7);
    expect(body.model).toBe('gpt-4.1-mini');
    expect(body.stream).toBeTrue();
    expect(body.stream_options).toEqual({include_usage: true, extra: 1} as object);
  });

  it('sends the output response format, which a response_format in provider options replaces', () => {
    const jsonSchema = {
      type: 'json_schema',
      json_schema: {name: 'thing', schema: {type: 'object'}, strict: true},
    } as const;
    const ours = toOpenAiChatParams(
      {model: 'gpt-4.1-mini', request: {userPrompt: 'Hi'}, providerOptions: undefined},
      {maxTokensField: 'max_completion_tokens', responseFormat: jsonSchema},
    );
    expect(ours.response_format).toEqual(jsonSchema);
    const theirs = toOpenAiChatParams(
      {model: 'gpt-4.1-mini', request: {userPrompt: 'Hi'}, providerOptions: {response_format: {type: 'text'}}},
      {maxTokensField: 'max_completion_tokens', responseFormat: jsonSchema},
    );
    expect(theirs.response_format).toEqual({type: 'text'});
    const jsonMode = toOpenAiChatParams(
      {model: 'deepseek-chat', request: {userPrompt: 'Hi'}, providerOptions: undefined},
      {maxTokensField: 'max_tokens', responseFormat: {type: 'json_object'}},
    );
    expect(jsonMode.response_format).toEqual({type: 'json_object'});
  });
});
