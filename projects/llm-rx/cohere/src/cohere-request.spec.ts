import {llmJsonSchema, resolveProviderCall, type LlmRequest} from 'llm-rx';
import {toCohereChatRequest} from './cohere-request';

/** The SDK request and `prepareObject` for a request, as the provider builds them. */
const chatRequestOf = (model: string, request: LlmRequest) =>
  toCohereChatRequest(
    resolveProviderCall({
      client: undefined,
      provider: 'cohere',
      model,
      request,
      options: {},
      signal: new AbortController().signal,
    }),
  );

/** The SDK request for a request. */
const requestOf = (model: string, request: LlmRequest) => chatRequestOf(model, request).request;

describe('toCohereChatRequest', () => {
  it('maps a user prompt to one user message', () => {
    expect(requestOf('command-a-03-2025', {userPrompt: 'Hi'})).toEqual({
      model: 'command-a-03-2025',
      messages: [{role: 'user', content: 'Hi'}],
    });
  });

  it('puts the system prompt first and maps the conversation and sampling fields', () => {
    expect(
      requestOf('command-r7b-12-2024', {
        messages: [
          {role: 'user', content: 'Hi'},
          {role: 'assistant', content: 'Hello!'},
          {role: 'user', content: 'Bye'},
        ],
        systemPrompt: 'Be brief.',
        temperature: 0.2,
        topP: 0.75,
        maxTokens: 64,
        stopSequences: ['END'],
      }),
    ).toEqual({
      model: 'command-r7b-12-2024',
      messages: [
        {role: 'system', content: 'Be brief.'},
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: 'Hello!'},
        {role: 'user', content: 'Bye'},
      ],
      temperature: 0.2,
      p: 0.75,
      maxTokens: 64,
      stopSequences: ['END'],
    });
  });

  it('merges providerOptions.cohere last and ignores other providers’ options', () => {
    const request = requestOf('command-a-03-2025', {
      userPrompt: 'Hi',
      temperature: 0.9,
      providerOptions: {cohere: {temperature: 0.1, safetyMode: 'STRICT', seed: 7}, gemini: {ignored: true}},
    });
    expect(request).toEqual({
      model: 'command-a-03-2025',
      messages: [{role: 'user', content: 'Hi'}],
      temperature: 0.1,
      safetyMode: 'STRICT',
      seed: 7,
    } as typeof request);
  });

  it('sets a json_object response format with the adapted schema of an output, and how to read it back', () => {
    const schema = llmJsonSchema({
      type: 'object',
      properties: {title: {type: 'string', maxLength: 40}, note: {type: 'string'}},
      required: ['title'],
    });
    const {request, prepareObject} = chatRequestOf('command-a-03-2025', {
      userPrompt: 'A soup recipe.',
      output: {schema, name: 'recipe', description: 'A recipe'},
    });
    expect(request.responseFormat).toEqual({
      type: 'json_object',
      jsonSchema: {
        type: 'object',
        properties: {title: {type: 'string'}, note: {type: ['string', 'null']}},
        required: ['title', 'note'],
        additionalProperties: false,
        description: 'A recipe',
      },
    });
    expect(prepareObject?.({title: 'Soup', note: null})).toEqual({title: 'Soup'});
  });

  it("keeps the schema's own description, sends no prepareObject when nothing changed, and lets providerOptions win", () => {
    const schema = llmJsonSchema({
      type: 'object',
      description: 'Own',
      properties: {a: {type: 'string'}},
      required: ['a'],
    });
    const own = chatRequestOf('command-a-03-2025', {userPrompt: 'Hi', output: {schema, description: 'Other'}});
    expect(own.request.responseFormat).toEqual({
      type: 'json_object',
      jsonSchema: {...schema, additionalProperties: false},
    });
    expect(own.prepareObject).toBeUndefined();
    expect(chatRequestOf('command-a-03-2025', {userPrompt: 'Hi'}).request.responseFormat).toBeUndefined();
    const overridden = requestOf('command-a-03-2025', {
      userPrompt: 'Hi',
      output: {schema},
      providerOptions: {cohere: {responseFormat: {type: 'json_object'}}},
    });
    expect(overridden.responseFormat).toEqual({type: 'json_object'});
  });
});
