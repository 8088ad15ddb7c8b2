import type {LlmMessage} from './llm-request';
import {llmMessagesOf} from './llm-messages';

describe('llmMessagesOf', () => {
  it('turns a userPrompt into one user message', () => {
    expect(llmMessagesOf({userPrompt: 'Hello', systemPrompt: 'Be brief.'})).toEqual([{role: 'user', content: 'Hello'}]);
  });

  it('returns the messages of a conversation as they are, without the system prompt', () => {
    const messages: LlmMessage[] = [
      {role: 'user', content: 'Hi'},
      {role: 'assistant', content: 'Hello!'},
      {role: 'user', content: 'Why is the sky blue?'},
    ];
    expect(llmMessagesOf({messages, systemPrompt: 'Be brief.'})).toBe(messages);
  });
});
