import {LlmInvalidRequestError, type LlmMessage} from 'llm-rx';
import {geminiUserParts, toGeminiContents} from './gemini-contents';

describe('toGeminiContents', () => {
  it('maps user and assistant text to user and model contents', () => {
    expect(
      toGeminiContents([
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: 'Hello!'},
        {role: 'user', content: 'Bye'},
      ]),
    ).toEqual([
      {role: 'user', parts: [{text: 'Hi'}]},
      {role: 'model', parts: [{text: 'Hello!'}]},
      {role: 'user', parts: [{text: 'Bye'}]},
    ]);
  });

  it('sends the text and calls of a model turn, with their thought signatures, and groups the results', () => {
    const messages: LlmMessage[] = [
      {role: 'user', content: 'Weather and time?'},
      {
        role: 'assistant',
        content: 'Let me look.',
        toolCalls: [
          {
            toolCallId: 'c1',
            toolName: 'weather',
            input: {city: 'Paris'},
            providerData: {gemini: {thoughtSignature: 'c2lnbmF0dXJl'}, openai: {ignored: true}},
          },
          {toolCallId: 'c2', toolName: 'clock', input: {zone: 'Asia/Tokyo'}},
        ],
      },
      {role: 'tool', toolCallId: 'c1', toolName: 'weather', output: {sky: 'clear'}},
      {role: 'tool', toolCallId: 'c2', toolName: 'clock', output: 'no clock here', isError: true},
      {role: 'user', content: 'Thanks. And now?'},
    ];
    expect(toGeminiContents(messages)).toEqual([
      {role: 'user', parts: [{text: 'Weather and time?'}]},
      {
        role: 'model',
        parts: [
          {text: 'Let me look.'},
          {functionCall: {id: 'c1', name: 'weather', args: {city: 'Paris'}}, thoughtSignature: 'c2lnbmF0dXJl'},
          {functionCall: {id: 'c2', name: 'clock', args: {zone: 'Asia/Tokyo'}}},
        ],
      },
      {
        role: 'user',
        parts: [
          {functionResponse: {id: 'c1', name: 'weather', response: {output: {sky: 'clear'}}}},
          {functionResponse: {id: 'c2', name: 'clock', response: {error: 'no clock here'}}},
        ],
      },
      {role: 'user', parts: [{text: 'Thanks. And now?'}]},
    ]);
  });

  it('leaves out the empty text of a turn that is only calls, and wraps every result in output', () => {
    const contents = toGeminiContents([
      {role: 'user', content: 'Go'},
      {role: 'assistant', content: '', toolCalls: [{toolCallId: 'a', toolName: 'f', input: undefined}]},
      {role: 'tool', toolCallId: 'a', toolName: 'f', output: {error: 'a field of the result', output: 1}},
      {role: 'assistant', content: '', toolCalls: [{toolCallId: 'b', toolName: 'f', input: {}}]},
      {role: 'tool', toolCallId: 'b', toolName: 'f', output: 7, isError: false},
    ]);
    expect(contents.map(content => content.parts)).toEqual([
      [{text: 'Go'}],
      // A call without a parsed input goes with empty arguments.
      [{functionCall: {id: 'a', name: 'f', args: {}}}],
      [{functionResponse: {id: 'a', name: 'f', response: {output: {error: 'a field of the result', output: 1}}}}],
      [{functionCall: {id: 'b', name: 'f', args: {}}}],
      [{functionResponse: {id: 'b', name: 'f', response: {output: 7}}}],
    ]);
  });

  it('refuses a call whose input is not an object, naming the message and call', () => {
    const contents = () =>
      toGeminiContents([
        {role: 'user', content: 'Go'},
        {role: 'assistant', content: '', toolCalls: [{toolCallId: 'a', toolName: 'f', input: [1, 2]}]},
        {role: 'tool', toolCallId: 'a', toolName: 'f', output: 'ok'},
      ]);
    expect(contents).toThrowMatching(
      error =>
        LlmInvalidRequestError.isInstance(error) &&
        error.field === 'messages' &&
        error.message.includes('messages[1].toolCalls[0].input') &&
        error.message.includes('an array'),
    );
  });
});

describe('geminiUserParts', () => {
  it('maps text and images in order: bytes as inlineData, a URL as fileData with its media type', () => {
    expect(
      geminiUserParts([
        {type: 'text', text: 'Compare.'},
        {type: 'image', image: 'data:image/jpeg;base64,/9j/4A=='},
        {type: 'image', image: 'https://example.com/b.webp'},
        {type: 'image', image: 'https://example.com/raw', mediaType: 'image/png'},
      ]),
    ).toEqual([
      {text: 'Compare.'},
      {inlineData: {mimeType: 'image/jpeg', data: '/9j/4A=='}},
      {fileData: {fileUri: 'https://example.com/b.webp', mimeType: 'image/webp'}},
      {fileData: {fileUri: 'https://example.com/raw', mimeType: 'image/png'}},
    ]);
  });

  it('keeps a plain string one text part', () => {
    expect(geminiUserParts('Hi')).toEqual([{text: 'Hi'}]);
  });
});
