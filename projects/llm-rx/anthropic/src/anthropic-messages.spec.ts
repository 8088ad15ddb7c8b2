import type {LlmMessage, LlmToolCall} from 'llm-rx';
import {anthropicUserBlocks, toAnthropicMessages, toAnthropicToolUseId} from './anthropic-messages';

const WEATHER_CALL: LlmToolCall = {toolCallId: 'toolu_w', toolName: 'weather', input: {city: 'Paris'}};
const CLOCK_CALL: LlmToolCall = {toolCallId: 'toolu_c', toolName: 'clock', input: {zone: 'UTC'}};
const THINKING = {type: 'thinking', thinking: 'Two tools.', signature: 'c2ln'};

describe('toAnthropicMessages', () => {
  it('sends text turns as strings', () => {
    expect(
      toAnthropicMessages([
        {role: 'user', content: 'A'},
        {role: 'assistant', content: 'B'},
        {role: 'user', content: 'C'},
      ]),
    ).toEqual([
      {role: 'user', content: 'A'},
      {role: 'assistant', content: 'B'},
      {role: 'user', content: 'C'},
    ]);
  });

  it('sends tool calls as tool_use blocks after the text, and their results as one user turn', () => {
    const messages: LlmMessage[] = [
      {role: 'user', content: 'Weather and time?'},
      {role: 'assistant', content: 'Looking.', toolCalls: [WEATHER_CALL, CLOCK_CALL]},
      {role: 'tool', toolCallId: 'toolu_w', toolName: 'weather', output: {sky: 'clear'}},
      {role: 'tool', toolCallId: 'toolu_c', toolName: 'clock', output: 'broken', isError: true},
    ];
    expect(toAnthropicMessages(messages)).toEqual([
      {role: 'user', content: 'Weather and time?'},
      {
        role: 'assistant',
        content: [
          {type: 'text', text: 'Looking.'},
          {type: 'tool_use', id: 'toolu_w', name: 'weather', input: {city: 'Paris'}},
          {type: 'tool_use', id: 'toolu_c', name: 'clock', input: {zone: 'UTC'}},
        ],
      },
      {
        role: 'user',
        content: [
          {type: 'tool_result', tool_use_id: 'toolu_w', content: '{"sky":"clear"}'},
          {type: 'tool_result', tool_use_id: 'toolu_c', content: 'broken', is_error: true},
        ],
      },
    ]);
  });

  it('leaves out empty text beside tool calls, and sends a call without input with {}', () => {
    const [, assistant] = toAnthropicMessages([
      {role: 'user', content: 'Weather?'},
      {role: 'assistant', content: ' ', toolCalls: [{toolCallId: 'toolu_w', toolName: 'weather', input: undefined}]},
      {role: 'tool', toolCallId: 'toolu_w', toolName: 'weather', output: 'sunny', isError: false},
    ]);
    expect(assistant).toEqual({
      role: 'assistant',
      content: [{type: 'tool_use', id: 'toolu_w', name: 'weather', input: {}}],
    });
  });

  it('merges a user message after the results (or between the calls and them) into their turn, results first', () => {
    const after = toAnthropicMessages([
      {role: 'user', content: 'Weather?'},
      {role: 'assistant', content: '', toolCalls: [WEATHER_CALL]},
      {role: 'user', content: 'In Celsius.'},
      {role: 'tool', toolCallId: 'toolu_w', toolName: 'weather', output: 21},
      {role: 'user', content: 'Thanks.'},
    ]);
    expect(after.length).toBe(3);
    expect(after[2]).toEqual({
      role: 'user',
      content: [
        {type: 'tool_result', tool_use_id: 'toolu_w', content: '21'},
        {type: 'text', text: 'In Celsius.'},
        {type: 'text', text: 'Thanks.'},
      ],
    });
  });

  it('merges consecutive turns of one role', () => {
    expect(
      toAnthropicMessages([
        {role: 'user', content: 'A'},
        {role: 'user', content: 'B'},
        {role: 'assistant', content: 'C'},
        {role: 'assistant', content: 'D'},
        {role: 'user', content: 'E'},
      ]),
    ).toEqual([
      {
        role: 'user',
        content: [
          {type: 'text', text: 'A'},
          {type: 'text', text: 'B'},
        ],
      },
      {
        role: 'assistant',
        content: [
          {type: 'text', text: 'C'},
          {type: 'text', text: 'D'},
        ],
      },
      {role: 'user', content: 'E'},
    ]);
  });

  it("sends each call's thinking blocks before it, the first call's before the text", () => {
    const redacted = {type: 'redacted_thinking', data: 'b3BhcXVl'};
    const [, assistant] = toAnthropicMessages([
      {role: 'user', content: 'Weather and time?'},
      {
        role: 'assistant',
        content: 'Looking.',
        toolCalls: [
          {...WEATHER_CALL, providerData: {anthropic: {thinking: [THINKING]}}},
          {...CLOCK_CALL, providerData: {anthropic: {thinking: [redacted]}, gemini: {thoughtSignature: 'x'}}},
        ],
      },
      {role: 'tool', toolCallId: 'toolu_w', toolName: 'weather', output: 'sunny'},
      {role: 'tool', toolCallId: 'toolu_c', toolName: 'clock', output: '09:30'},
    ]);
    expect((assistant.content as {type: string}[]).map(block => block.type)).toEqual([
      'thinking',
      'text',
      'tool_use',
      'redacted_thinking',
      'tool_use',
    ]);
    expect((assistant.content as unknown[])[0]).toEqual(THINKING);
  });

  it('sends the ids of calls from other providers with the characters the API takes', () => {
    const [, assistant, results] = toAnthropicMessages([
      {role: 'user', content: 'Weather?'},
      {role: 'assistant', content: '', toolCalls: [{...WEATHER_CALL, toolCallId: 'functions.weather:0'}]},
      {role: 'tool', toolCallId: 'functions.weather:0', toolName: 'weather', output: 'sunny'},
    ]);
    expect((assistant.content as {id: string}[])[0].id).toBe('functions_weather_0');
    expect((results.content as {tool_use_id: string}[])[0].tool_use_id).toBe('functions_weather_0');
  });
});

describe('toAnthropicToolUseId', () => {
  it('keeps letters, digits, _ and -, and writes anything else as _', () => {
    expect(toAnthropicToolUseId('toolu_01A-b')).toBe('toolu_01A-b');
    expect(toAnthropicToolUseId('call 1/ü')).toBe('call_1__');
  });
});

describe('anthropicUserBlocks', () => {
  it('maps text and images in order: a URL as a url source, a data URL as a base64 source with its media type', () => {
    expect(
      anthropicUserBlocks([
        {type: 'text', text: 'What is this?'},
        {type: 'image', image: 'https://example.com/cat.png'},
        {type: 'image', image: 'data:image/webp;base64,UklGRg=='},
      ]),
    ).toEqual([
      {type: 'text', text: 'What is this?'},
      {type: 'image', source: {type: 'url', url: 'https://example.com/cat.png'}},
      {type: 'image', source: {type: 'base64', media_type: 'image/webp', data: 'UklGRg=='}},
    ]);
  });

  it('keeps a plain string a single text block', () => {
    expect(anthropicUserBlocks('Hi')).toEqual([{type: 'text', text: 'Hi'}]);
  });
});
