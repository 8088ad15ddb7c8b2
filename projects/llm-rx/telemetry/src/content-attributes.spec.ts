import {inputContentAttributes, outputContentAttributes} from './content-attributes';
import {GEN_AI} from './gen-ai-conventions';

describe('content attributes', () => {
  it('writes a conversation with tool calls and results in the conventions message format, redacted', () => {
    const attributes = inputContentAttributes(
      {
        messages: [
          {role: 'user', content: 'weather?'},
          {role: 'assistant', content: '', toolCalls: [{toolCallId: 't1', toolName: 'weather', input: {city: 'Oslo'}}]},
          {role: 'tool', toolCallId: 't1', toolName: 'weather', output: {celsius: 3}},
        ],
      },
      (text, kind) => `${kind}(${text})`,
    );

    expect(JSON.parse(String(attributes[GEN_AI.inputMessages]))).toEqual([
      {role: 'user', parts: [{type: 'text', content: 'prompt(weather?)'}]},
      {
        role: 'assistant',
        parts: [{type: 'tool_call', id: 't1', name: 'weather', arguments: 'prompt({"city":"Oslo"})'}],
      },
      {role: 'tool', parts: [{type: 'tool_call_response', id: 't1', response: 'prompt({"celsius":3})'}]},
    ]);
    expect(attributes[GEN_AI.systemInstructions]).toBeUndefined();
  });

  it('writes the answer with its reasoning, text and tool calls', () => {
    const attributes = outputContentAttributes({
      text: 'Checking.',
      reasoning: 'The user wants weather.',
      toolCalls: [{type: 'tool-call-end', toolCallId: 't1', toolName: 'weather', input: {}, argumentsText: '{}'}],
      finishReason: 'tool_calls',
    });

    expect(JSON.parse(String(attributes[GEN_AI.outputMessages]))).toEqual([
      {
        role: 'assistant',
        parts: [
          {type: 'reasoning', content: 'The user wants weather.'},
          {type: 'text', content: 'Checking.'},
          {type: 'tool_call', id: 't1', name: 'weather', arguments: '{}'},
        ],
        finish_reason: 'tool_calls',
      },
    ]);
  });
});
