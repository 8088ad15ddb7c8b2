import {type LlmRequest, resolveProviderCall} from 'llm-rx';
import {toGeminiRequestParameters} from './gemini-request';

describe('toGeminiRequestParameters', () => {
  const signal = new AbortController().signal;
  const parametersOf = (model: string, request: LlmRequest) =>
    toGeminiRequestParameters(
      resolveProviderCall({client: undefined, provider: 'gemini', model, request, options: {}, signal}),
    );

  it('maps a user prompt to one user content and turns automatic continuation off', () => {
    expect(parametersOf('gemini-2.5-flash', {userPrompt: 'Hi'})).toEqual({
      model: 'gemini-2.5-flash',
      contents: [{role: 'user', parts: [{text: 'Hi'}]}],
      config: {automaticContinuation: false, abortSignal: signal},
    });
  });

  it('maps messages, system prompt, sampling, stop sequences and per-request headers', () => {
    const parameters = parametersOf('gemini-2.5-pro', {
      messages: [
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: 'Hello!'},
        {role: 'user', content: 'Bye'},
      ],
      systemPrompt: 'Be brief.',
      temperature: 0.3,
      topP: 0.9,
      maxTokens: 256,
      stopSequences: ['END'],
      headers: {'x-trace': 't1'},
    });
    expect(parameters.contents).toEqual([
      {role: 'user', parts: [{text: 'Hi'}]},
      {role: 'model', parts: [{text: 'Hello!'}]},
      {role: 'user', parts: [{text: 'Bye'}]},
    ]);
    expect(parameters.config).toEqual({
      automaticContinuation: false,
      systemInstruction: 'Be brief.',
      temperature: 0.3,
      topP: 0.9,
      maxOutputTokens: 256,
      stopSequences: ['END'],
      httpOptions: {headers: {'x-trace': 't1'}},
      abortSignal: signal,
    });
  });

  it('merges providerOptions.gemini into the config, but never over the abort signal', () => {
    const other = new AbortController().signal;
    const parameters = parametersOf('gemini-2.5-flash', {
      userPrompt: 'Hi',
      temperature: 0.5,
      providerOptions: {
        gemini: {thinkingConfig: {thinkingBudget: 0}, temperature: 0.1, abortSignal: other},
        openai: {ignored: true},
      },
    });
    expect(parameters.config).toEqual({
      automaticContinuation: false,
      temperature: 0.1,
      thinkingConfig: {thinkingBudget: 0},
      abortSignal: signal,
    });
  });
});
