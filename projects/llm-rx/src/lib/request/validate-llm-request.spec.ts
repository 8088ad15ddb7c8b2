import {LlmConfigurationError} from '../errors/llm-configuration-error';
import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import type {LlmRequest} from './llm-request';
import {validateLlmRequest} from './validate-llm-request';

/** The error `validateLlmRequest` throws for a request, or `undefined`. */
function validationErrorOf(request: unknown): LlmInvalidRequestError | undefined {
  try {
    validateLlmRequest(request as LlmRequest);
  } catch (error) {
    expect(LlmInvalidRequestError.isInstance(error)).withContext('an LlmInvalidRequestError').toBeTrue();
    return error as LlmInvalidRequestError;
  }
  return undefined;
}

describe('validateLlmRequest', () => {
  it('accepts a plain prompt', () => {
    expect(() => validateLlmRequest({userPrompt: 'Hello'})).not.toThrow();
  });

  it('rejects an empty prompt with the field named', () => {
    let caught: unknown;
    try {
      validateLlmRequest({userPrompt: '  '});
    } catch (error) {
      caught = error;
    }
    expect(LlmInvalidRequestError.isInstance(caught)).toBeTrue();
    expect((caught as LlmInvalidRequestError).field).toBe('userPrompt');
  });

  it('accepts a full request with every field at its limits', () => {
    const valid: LlmRequest[] = [
      {
        messages: [
          {role: 'user', content: 'Hi'},
          {role: 'assistant', content: 'Hello!'},
          {role: 'user', content: 'Why is the sky blue?'},
        ],
        systemPrompt: '',
        temperature: 0,
        topP: 1,
        maxTokens: 1,
        stopSequences: ['\n\n', 'END'],
        providerOptions: {openai: {reasoning: {effort: 'low'}}},
        headers: {'x-trace': '1'},
        signal: new AbortController().signal,
      },
      {userPrompt: 'Hello', temperature: 2, topP: 0.01, maxTokens: 100_000, stopSequences: []},
    ];
    for (const request of valid) {
      expect(validationErrorOf(request)).toBeUndefined();
    }
  });

  const invalid: readonly [string, unknown, string, string][] = [
    ['no request object', undefined, 'request', 'needs a request object'],
    ['a null request', null, 'request', 'needs a request object'],
    ['neither prompt nor messages', {}, 'userPrompt', 'non-empty userPrompt'],
    ['a non-string prompt', {userPrompt: 42}, 'userPrompt', 'non-empty userPrompt'],
    ['both prompt and messages', {userPrompt: 'Hi', messages: [{role: 'user', content: 'Hi'}]}, 'messages', 'not both'],
    ['an empty messages list', {messages: []}, 'messages', 'non-empty list'],
    ['messages that are not a list', {messages: 'Hi'}, 'messages', 'non-empty list'],
    ['a system role in messages', {messages: [{role: 'system', content: 'Be brief.'}]}, 'messages', 'messages[0].role'],
    ['a null message', {messages: [{role: 'user', content: 'Hi'}, null]}, 'messages', 'messages[1].role'],
    ['a blank message', {messages: [{role: 'user', content: ' '}]}, 'messages', 'messages[0].content'],
    [
      'a conversation that ends with the assistant',
      {
        messages: [
          {role: 'user', content: 'Hi'},
          {role: 'assistant', content: 'Hello!'},
        ],
      },
      'messages',
      "the last of the messages must be the user's",
    ],
    ['a non-string system prompt', {userPrompt: 'Hi', systemPrompt: ['Be brief.']}, 'systemPrompt', 'must be a string'],
    ['a negative temperature', {userPrompt: 'Hi', temperature: -0.1}, 'temperature', 'from 0 to 2; got -0.1'],
    ['a temperature above 2', {userPrompt: 'Hi', temperature: 2.5}, 'temperature', 'got 2.5'],
    ['a NaN temperature', {userPrompt: 'Hi', temperature: NaN}, 'temperature', 'got NaN'],
    ['a string temperature', {userPrompt: 'Hi', temperature: '0.5'}, 'temperature', 'got "0.5"'],
    ['a topP of 0', {userPrompt: 'Hi', topP: 0}, 'topP', 'greater than 0'],
    ['a topP above 1', {userPrompt: 'Hi', topP: 1.1}, 'topP', 'at most 1'],
    ['a maxTokens of 0', {userPrompt: 'Hi', maxTokens: 0}, 'maxTokens', 'integer ≥ 1'],
    ['a fractional maxTokens', {userPrompt: 'Hi', maxTokens: 1.5}, 'maxTokens', 'got 1.5'],
    ['an infinite maxTokens', {userPrompt: 'Hi', maxTokens: Infinity}, 'maxTokens', 'got Infinity'],
    ['an empty stop sequence', {userPrompt: 'Hi', stopSequences: ['END', '']}, 'stopSequences', 'non-empty strings'],
    ['a stop sequence string', {userPrompt: 'Hi', stopSequences: 'END'}, 'stopSequences', 'list of non-empty strings'],
    ['no request object', undefined, 'request', 'needs a request object'],
    ['a string providerOptions', {userPrompt: 'Hi', providerOptions: 'x'}, 'providerOptions', 'must be an object'],
    [
      "a provider's options that are null",
      {userPrompt: 'Hi', providerOptions: {openai: null}},
      'providerOptions',
      'providerOptions.openai',
    ],
    ['a numeric header', {userPrompt: 'Hi', headers: {'x-a': 1}}, 'headers', 'must be a string'],
    ['a header with CR/LF', {userPrompt: 'Hi', headers: {'x-a': 'a\r\nb'}}, 'headers', 'line break'],
    ['a header name with a space', {userPrompt: 'Hi', headers: {'x a': 'b'}}, 'headers', 'invalid header name'],
    ['a signal that is no AbortSignal', {userPrompt: 'Hi', signal: {}}, 'signal', 'must be an AbortSignal'],
    ['an onAttempt that is no function', {userPrompt: 'Hi', onAttempt: 'log'}, 'onAttempt', 'must be a function'],
  ];
  for (const [description, request, field, messagePart] of invalid) {
    it(`rejects ${description}, naming ${field}`, () => {
      const error = validationErrorOf(request);
      expect(error).withContext('an error').toBeDefined();
      expect(error?.field).toBe(field);
      expect(error?.message).toContain(messagePart);
      expect(error?.message).toMatch(/^llm-rx: /);
      // An invalid request is a configuration error: never retried, never failed over.
      expect(LlmConfigurationError.isInstance(error)).toBeTrue();
    });
  }

  it('checks output before any call: its name, description and that its schema describes an object', () => {
    const fieldOf = (request: unknown) => {
      try {
        validateLlmRequest(request as LlmRequest);
        return 'accepted';
      } catch (error) {
        return (error as LlmInvalidRequestError).field;
      }
    };
    const schema = {type: 'object', properties: {name: {type: 'string'}}};
    expect(fieldOf({userPrompt: 'Hi', output: {schema, name: 'contact', description: 'A card'}})).toBe('accepted');
    expect(fieldOf({userPrompt: 'Hi', output: null})).toBe('output');
    expect(fieldOf({userPrompt: 'Hi', output: {schema: {type: 'string'}}})).toBe('output.schema');
    expect(fieldOf({userPrompt: 'Hi', output: {schema, name: 'a b'}})).toBe('output.name');
  });
});
