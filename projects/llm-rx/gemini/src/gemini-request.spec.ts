import {llmJsonSchema, type LlmRequest, resolveProviderCall} from 'llm-rx';
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

  it('asks for JSON matching the adapted JSON Schema of an output, the description at its root', () => {
    const schema = llmJsonSchema({
      type: 'object',
      properties: {title: {type: 'string', minLength: 1}, servings: {type: 'integer', minimum: 1}},
      required: ['title', 'servings'],
    });
    const parameters = parametersOf('gemini-2.5-flash', {
      userPrompt: 'A soup recipe.',
      output: {schema, name: 'recipe', description: 'A recipe'},
    });
    expect(parameters.config).toEqual({
      automaticContinuation: false,
      responseMimeType: 'application/json',
      responseJsonSchema: {
        type: 'object',
        properties: {title: {type: 'string'}, servings: {type: 'integer', minimum: 1}},
        required: ['title', 'servings'],
        propertyOrdering: ['title', 'servings'],
        description: 'A recipe',
      },
      abortSignal: signal,
    });
  });

  it("keeps the schema's own description, and lets providerOptions.gemini override the response fields", () => {
    const schema = llmJsonSchema({type: 'object', description: 'Own', properties: {a: {type: 'string'}}});
    const own = parametersOf('gemini-2.5-flash', {userPrompt: 'Hi', output: {schema, description: 'Other'}});
    expect(own.config?.responseJsonSchema).toEqual({
      type: 'object',
      description: 'Own',
      properties: {a: {type: 'string'}},
    });
    const overridden = parametersOf('gemini-2.5-flash', {
      userPrompt: 'Hi',
      output: {schema},
      providerOptions: {gemini: {responseMimeType: 'text/x.enum'}},
    });
    expect(overridden.config?.responseMimeType).toBe('text/x.enum');
  });

  it('sends the tools with the tool choice, and the conversation with its calls and results', () => {
    const parameters = parametersOf('gemini-2.5-flash', {
      messages: [
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: '', toolCalls: [{toolCallId: 'c1', toolName: 'clock', input: {}}]},
        {role: 'tool', toolCallId: 'c1', toolName: 'clock', output: '09:30'},
      ],
      tools: [{name: 'clock', inputSchema: llmJsonSchema({type: 'object', properties: {}})}],
      toolChoice: 'required',
    });
    expect(parameters.config).toEqual({
      automaticContinuation: false,
      tools: [{functionDeclarations: [{name: 'clock', parametersJsonSchema: {type: 'object', properties: {}}}]}],
      toolConfig: {functionCallingConfig: {mode: 'ANY' as never}},
      abortSignal: signal,
    });
    expect(parameters.contents).toEqual([
      {role: 'user', parts: [{text: 'Hi'}]},
      {role: 'model', parts: [{functionCall: {id: 'c1', name: 'clock', args: {}}}]},
      {role: 'user', parts: [{functionResponse: {id: 'c1', name: 'clock', response: {output: '09:30'}}}]},
    ]);
  });
});
