import {LlmInvalidRequestError, type LlmMessage} from 'llm-rx';
import {validateLlmRequest} from './validate-llm-request';

const messageOf = (messages: readonly unknown[]): string | undefined => {
  try {
    validateLlmRequest({messages: messages as LlmMessage[]});
  } catch (error) {
    if (!LlmInvalidRequestError.isInstance(error)) throw error;
    expect(error.field).toBe('messages');
    return error.message;
  }
  return undefined;
};

const call = {toolCallId: 'c1', toolName: 'weather', input: {city: 'Paris'}};

describe('validateLlmRequest with tool messages', () => {
  it('accepts a conversation with tool calls and their results, ending with a result', () => {
    expect(
      messageOf([
        {role: 'user', content: 'Weather?'},
        {role: 'assistant', content: '', toolCalls: [call]},
        {role: 'tool', toolCallId: 'c1', toolName: 'weather', output: {sky: 'clear'}},
      ]),
    ).toBeUndefined();
  });

  it('refuses a result that answers no earlier call, an empty assistant text without calls, and bad calls', () => {
    expect(
      messageOf([
        {role: 'user', content: 'Hi'},
        {role: 'tool', toolCallId: 'c9', toolName: 'x', output: 1},
      ]),
    ).toContain('messages[1].toolCallId');
    expect(
      messageOf([
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: ''},
        {role: 'user', content: 'Hi?'},
      ]),
    ).toContain('messages[1].content');
    expect(
      messageOf([
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: '', toolCalls: [{toolName: 'x'}]},
        {role: 'user', content: 'Hi?'},
      ]),
    ).toContain('messages[1].toolCalls[0].toolCallId');
    expect(
      messageOf([
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: '', toolCalls: [call]},
        {role: 'tool', toolCallId: 'c1', toolName: 'weather'},
      ]),
    ).toContain('messages[2].output');
  });

  it('refuses a conversation that ends with the assistant, and an unknown role', () => {
    expect(
      messageOf([
        {role: 'user', content: 'Hi'},
        {role: 'assistant', content: 'Hello'},
      ]),
    ).toContain('last');
    expect(messageOf([{role: 'system', content: 'Be brief.'}])).toContain('"tool"');
  });
});
