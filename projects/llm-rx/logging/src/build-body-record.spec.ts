import {buildBodyRecord} from './build-body-record';

describe('buildBodyRecord', () => {
  it('keeps prompts and sampling parameters, never headers, provider options or the signal', () => {
    const body = buildBodyRecord(
      'call-1',
      'trace-1',
      {
        systemPrompt: 'Be brief.',
        messages: [
          {role: 'user', content: 'Hi'},
          {role: 'assistant', content: 'Hello'},
          {role: 'user', content: 'Bye'},
        ],
        temperature: 0.2,
        topP: 0.9,
        maxTokens: 50,
        stopSequences: ['END'],
        headers: {authorization: 'Bearer sk-secret'},
        providerOptions: {openai: {user: 'x'}},
        signal: new AbortController().signal,
      },
      null,
    );
    expect(body).toEqual({
      id: 'call-1',
      traceId: 'trace-1',
      request: {
        systemPrompt: 'Be brief.',
        messages: [
          {role: 'user', content: 'Hi'},
          {role: 'assistant', content: 'Hello'},
          {role: 'user', content: 'Bye'},
        ],
        temperature: 0.2,
        topP: 0.9,
        maxTokens: 50,
        stopSequences: ['END'],
      },
      response: null,
    });
    expect(() => structuredClone(body)).not.toThrow();
  });

  it('passes each text through the redaction hook with its kind', () => {
    const body = buildBodyRecord(
      'call-1',
      'trace-1',
      {systemPrompt: 'sys', userPrompt: 'user', messages: [{role: 'user', content: 'message'}]},
      {text: 'answer', reasoning: 'thought'},
      (text, kind) => `${kind}:${text.length}`,
    );
    expect(body.request).toEqual({
      systemPrompt: 'system:3',
      userPrompt: 'prompt:4',
      messages: [{role: 'user', content: 'prompt:7'}],
    });
    expect(body.response).toEqual({text: 'response:6', reasoning: 'reasoning:7'});
  });

  it('stores no request when it is unknown', () => {
    expect(buildBodyRecord('a', 't', undefined, {text: 'x', reasoning: ''}).request).toBeNull();
  });
});
