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

  it('writes images without their bytes: a URL as a redacted uri part, bytes by media type and size', () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const dataUrl = `data:image/jpeg;base64,${btoa(String.fromCharCode(...bytes))}`;
    const attributes = inputContentAttributes(
      {
        messages: [
          {
            role: 'user',
            content: [
              {type: 'text', text: 'compare'},
              {type: 'image', image: 'https://img.example.com/a.png?token=secret'},
              {type: 'image', image: dataUrl},
              {type: 'image', image: new Blob([bytes], {type: 'image/png'})},
              {type: 'image', image: 'https://img.example.com/raw'},
            ],
          },
        ],
      },
      (text, kind) => `${kind}(${text.replace('secret', '***')})`,
    );

    const text = String(attributes[GEN_AI.inputMessages]);
    expect(JSON.parse(text)).toEqual([
      {
        role: 'user',
        parts: [
          {type: 'text', content: 'prompt(compare)'},
          {
            type: 'uri',
            modality: 'image',
            mime_type: 'image/png',
            uri: 'prompt(https://img.example.com/a.png?token=***)',
          },
          {type: 'llm_rx.image', modality: 'image', mime_type: 'image/jpeg', byte_size: 7},
          {type: 'llm_rx.image', modality: 'image', mime_type: 'image/png', byte_size: 7},
          {type: 'uri', modality: 'image', uri: 'prompt(https://img.example.com/raw)'},
        ],
      },
    ]);
    expect(text).not.toContain(dataUrl.split(',')[1]);
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
