import type {LlmMessage} from 'llm-rx';
import {openAiChatUserContent, toOpenAiChatMessages} from './openai-chat-messages';

const CALLS: LlmMessage[] = [
  {role: 'user', content: 'Weather in Paris and the time in Tokyo?'},
  {
    role: 'assistant',
    content: '',
    toolCalls: [
      {
        toolCallId: 'call_1',
        toolName: 'weather',
        input: {city: 'Paris'},
        providerData: {deepseek: {reasoningContent: 'Two tools.'}},
      },
      {toolCallId: 'call_2', toolName: 'clock', input: {zone: 'Asia/Tokyo'}},
    ],
  },
  {role: 'tool', toolCallId: 'call_1', toolName: 'weather', output: {temperature: 21, sky: 'clear'}},
  {role: 'tool', toolCallId: 'call_2', toolName: 'clock', output: 'no such zone', isError: true},
];

describe('toOpenAiChatMessages', () => {
  it('puts the system prompt first, then a prompt as one user message', () => {
    expect(toOpenAiChatMessages({systemPrompt: 'Be brief.', userPrompt: 'Hi'})).toEqual([
      {role: 'system', content: 'Be brief.'},
      {role: 'user', content: 'Hi'},
    ]);
  });

  it('sends tool calls as tool_calls with JSON arguments, content null when empty, and each result as a tool message', () => {
    expect(toOpenAiChatMessages({messages: CALLS})).toEqual([
      {role: 'user', content: 'Weather in Paris and the time in Tokyo?'},
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {id: 'call_1', type: 'function', function: {name: 'weather', arguments: '{"city":"Paris"}'}},
          {id: 'call_2', type: 'function', function: {name: 'clock', arguments: '{"zone":"Asia/Tokyo"}'}},
        ],
      },
      {role: 'tool', tool_call_id: 'call_1', content: '{"temperature":21,"sky":"clear"}'},
      // No error flag in Chat Completions: the output says it.
      {role: 'tool', tool_call_id: 'call_2', content: 'no such zone'},
    ]);
  });

  it("keeps an assistant's text beside its calls, and sends an input it never parsed as {}", () => {
    const [, assistant] = toOpenAiChatMessages({
      messages: [
        {role: 'user', content: 'Hi'},
        {
          role: 'assistant',
          content: 'Let me look.',
          toolCalls: [{toolCallId: 'c', toolName: 'clock', input: undefined}],
        },
        {role: 'tool', toolCallId: 'c', toolName: 'clock', output: null},
      ],
    });
    expect(assistant).toEqual({
      role: 'assistant',
      content: 'Let me look.',
      tool_calls: [{id: 'c', type: 'function', function: {name: 'clock', arguments: '{}'}}],
    });
  });

  it("sends the reasoning a call's providerData keeps under the provider's name as reasoning_content", () => {
    const [, withReasoning] = toOpenAiChatMessages({messages: CALLS}, 'deepseek');
    expect(withReasoning).toEqual(jasmine.objectContaining({reasoning_content: 'Two tools.'}));
    const [, otherProvider] = toOpenAiChatMessages({messages: CALLS}, 'groq');
    expect('reasoning_content' in otherProvider).toBeFalse();
    const [, notAsked] = toOpenAiChatMessages({messages: CALLS});
    expect('reasoning_content' in notAsked).toBeFalse();
  });
});

describe('openAiChatUserContent', () => {
  it('maps text and images in order as text and image_url parts (bytes as a data URL)', () => {
    expect(
      openAiChatUserContent([
        {type: 'text', text: 'What is this?'},
        {type: 'image', image: 'https://example.com/cat.png'},
        {type: 'image', image: 'data:IMAGE/PNG;base64,iVBORw=='},
      ]),
    ).toEqual([
      {type: 'text', text: 'What is this?'},
      {type: 'image_url', image_url: {url: 'https://example.com/cat.png'}},
      {type: 'image_url', image_url: {url: 'data:image/png;base64,iVBORw=='}},
    ]);
  });

  it('keeps a plain string as it is', () => {
    expect(openAiChatUserContent('Hi')).toBe('Hi');
  });
});
