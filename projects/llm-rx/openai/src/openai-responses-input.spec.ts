import {responsesUserContent, toOpenAiResponsesInput} from './openai-responses-input';

describe('toOpenAiResponsesInput', () => {
  it('sends a prompt as one user message', () => {
    expect(toOpenAiResponsesInput({userPrompt: 'Hi'})).toEqual([{role: 'user', content: 'Hi'}]);
  });

  it('sends tool calls as function_call items (no empty text message) and results as function_call_output', () => {
    expect(
      toOpenAiResponsesInput({
        messages: [
          {role: 'user', content: 'Time in Tokyo and Paris?'},
          {
            role: 'assistant',
            content: '',
            toolCalls: [
              {toolCallId: 'call_1', toolName: 'clock', input: {zone: 'Asia/Tokyo'}, providerData: {x: 1}},
              {toolCallId: 'call_2', toolName: 'clock', input: undefined},
            ],
          },
          {role: 'tool', toolCallId: 'call_1', toolName: 'clock', output: {time: '09:30'}},
          {role: 'tool', toolCallId: 'call_2', toolName: 'clock', output: 'timed out', isError: true},
        ],
      }),
    ).toEqual([
      {role: 'user', content: 'Time in Tokyo and Paris?'},
      {type: 'function_call', call_id: 'call_1', name: 'clock', arguments: '{"zone":"Asia/Tokyo"}'},
      {type: 'function_call', call_id: 'call_2', name: 'clock', arguments: '{}'},
      {type: 'function_call_output', call_id: 'call_1', output: '{"time":"09:30"}'},
      // No error flag in the Responses API: the output says it.
      {type: 'function_call_output', call_id: 'call_2', output: 'timed out'},
    ]);
  });

  it("keeps an assistant's text as a message before its calls", () => {
    const input = toOpenAiResponsesInput({
      messages: [
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: 'Looking.', toolCalls: [{toolCallId: 'c', toolName: 'clock', input: {}}]},
        {role: 'tool', toolCallId: 'c', toolName: 'clock', output: ''},
      ],
    });
    expect(input.slice(1, 3)).toEqual([
      {role: 'assistant', content: 'Looking.'},
      {type: 'function_call', call_id: 'c', name: 'clock', arguments: '{}'},
    ]);
    expect(input[3]).toEqual({type: 'function_call_output', call_id: 'c', output: ''});
  });
});

describe('responsesUserContent', () => {
  it('maps text and images in order as input_text and input_image parts with detail auto', () => {
    expect(
      responsesUserContent([
        {type: 'text', text: 'What is this?'},
        {type: 'image', image: 'data:image/gif;base64,R0lGOA=='},
        {type: 'image', image: 'https://example.com/cat.png'},
      ]),
    ).toEqual([
      {type: 'input_text', text: 'What is this?'},
      {type: 'input_image', image_url: 'data:image/gif;base64,R0lGOA==', detail: 'auto'},
      {type: 'input_image', image_url: 'https://example.com/cat.png', detail: 'auto'},
    ]);
  });

  it('keeps a plain string as it is', () => {
    expect(responsesUserContent('Hi')).toBe('Hi');
  });
});
