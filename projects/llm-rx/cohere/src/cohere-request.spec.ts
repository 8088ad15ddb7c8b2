import {type LlmRequest, providerOptionsOf} from 'llm-rx';
import {toCohereChatRequest} from './cohere-request';

/** The SDK request for a request, as the provider builds it. */
const requestOf = (model: string, request: LlmRequest) =>
  toCohereChatRequest({model, request, providerOptions: providerOptionsOf(request, 'cohere')});

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
});
