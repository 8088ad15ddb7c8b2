import {LlmInvalidRequestError, type LlmRequest} from 'llm-rx';
import {toOpenAiResponsesParams} from './openai-responses-params';

/** The body for a request, as the stream builds it. */
const bodyOf = (model: string, request: LlmRequest, providerOptions: Record<string, unknown> | undefined) =>
  toOpenAiResponsesParams({model, request, providerOptions});

describe('toOpenAiResponsesParams', () => {
  it('sends the conversation as input and the system prompt as instructions', () => {
    const body = bodyOf(
      'gpt-4.1-mini',
      {
        systemPrompt: 'Be brief.',
        messages: [
          {role: 'user', content: 'Hi'},
          {role: 'assistant', content: 'Hello!'},
          {role: 'user', content: 'Bye'},
        ],
        temperature: 0.5,
        topP: 0.8,
        maxTokens: 64,
      },
      undefined,
    );
    expect(body).toEqual({
      model: 'gpt-4.1-mini',
      input: [
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: 'Hello!'},
        {role: 'user', content: 'Bye'},
      ],
      instructions: 'Be brief.',
      temperature: 0.5,
      top_p: 0.8,
      max_output_tokens: 64,
      stream: true,
    });
  });

  it('merges provider options but keeps model and streaming', () => {
    const body = bodyOf(
      'gpt-5-mini',
      {userPrompt: 'Hi'},
      {reasoning: {effort: 'low'}, store: false, model: 'other', stream: false},
    );
    expect(body).toEqual({
      model: 'gpt-5-mini',
      input: [{role: 'user', content: 'Hi'}],
      reasoning: {effort: 'low'},
      store: false,
      stream: true,
    });
  });

  it('rejects stop sequences, naming the field and the chat flavour', () => {
    let caught: unknown;
    try {
      bodyOf('gpt-4.1-mini', {userPrompt: 'Hi', stopSequences: ['END']}, undefined);
    } catch (error) {
      caught = error;
    }
    expect(LlmInvalidRequestError.isInstance(caught)).toBeTrue();
    expect((caught as LlmInvalidRequestError).field).toBe('stopSequences');
    expect((caught as Error).message).toContain("api: 'chat'");
  });

  it('sends the output format as text.format, merging the provider options text, whose format wins', () => {
    const format = {name: 'thing', schema: {type: 'object'}, strict: true};
    const ours = toOpenAiResponsesParams(
      {model: 'gpt-5-mini', request: {userPrompt: 'Hi'}, providerOptions: undefined},
      format,
    );
    expect(ours.text).toEqual({format: {type: 'json_schema', ...format}});
    const merged = toOpenAiResponsesParams(
      {model: 'gpt-5-mini', request: {userPrompt: 'Hi'}, providerOptions: {text: {verbosity: 'low'}}},
      format,
    );
    expect(merged.text).toEqual({format: {type: 'json_schema', ...format}, verbosity: 'low'});
    const theirs = toOpenAiResponsesParams(
      {model: 'gpt-5-mini', request: {userPrompt: 'Hi'}, providerOptions: {text: {format: {type: 'json_object'}}}},
      format,
    );
    expect(theirs.text).toEqual({format: {type: 'json_object'}});
    // Without an output, the provider options text is sent as it is.
    const prose = toOpenAiResponsesParams({
      model: 'gpt-5-mini',
      request: {userPrompt: 'Hi'},
      providerOptions: {text: {verbosity: 'high'}},
    });
    expect(prose.text).toEqual({verbosity: 'high'});
  });
});
