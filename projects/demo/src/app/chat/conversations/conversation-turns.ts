import type {LlmMessage} from 'llm-rx';
import type {ChatAssistantMessage, ChatConversation, ChatMessage, ChatUserMessage} from './chat-message';
import {userTurnContent} from './user-turn-content';

/** The longest title a conversation gets from its first prompt. */
const MAX_TITLE_LENGTH = 48;

/**
 * A conversation's title: its first prompt on one line, shortened.
 * @param messages The messages.
 * @returns The title, `Image` when the first prompt is images only, or `New chat` before the first prompt.
 */
export function conversationTitle(messages: readonly ChatMessage[]): string {
  const prompt = messages.find(message => message.role === 'user');
  const first = prompt?.content.replace(/\s+/g, ' ').trim();
  if (!first) return prompt?.images?.length ? 'Image' : 'New chat';
  return first.length <= MAX_TITLE_LENGTH ? first : `${first.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…`;
}

/**
 * The `messages` of the request that answers the last user message: every user turn with its images, and every
 * answer that has text (an answer that failed or was stopped before any text is left out, as the model never said
 * it).
 * @param messages The conversation up to and including the user message to answer.
 * @returns The request's messages, ending with the user's.
 */
export function requestMessages(messages: readonly ChatMessage[]): LlmMessage[] {
  return messages.flatMap((message): LlmMessage[] => {
    if (message.role === 'user')
      return [{role: 'user', content: userTurnContent(message.content, message.images ?? [])}];
    return message.content.trim() ? [{role: 'assistant', content: message.content}] : [];
  });
}

/**
 * An empty answer about to stream.
 * @param id Its id.
 * @param startedAt When its request is sent.
 * @returns The message.
 */
export function pendingAnswer(id: string, startedAt: number): ChatAssistantMessage {
  return {
    role: 'assistant',
    id,
    content: '',
    reasoning: '',
    thoughtMs: null,
    status: 'streaming',
    startedAt,
    endedAt: null,
    stats: null,
    error: null,
    toolCalls: [],
    callRowId: null,
  };
}

/**
 * A conversation as restored from storage: an answer saved while it streamed (the tab closed) is `interrupted`.
 * @param conversation The stored conversation.
 * @returns The conversation to show.
 */
export function restoredConversation(conversation: ChatConversation): ChatConversation {
  if (!conversation.messages.some(message => message.role === 'assistant' && message.status === 'streaming')) {
    return conversation;
  }
  return {
    ...conversation,
    messages: conversation.messages.map(message =>
      message.role === 'assistant' && message.status === 'streaming'
        ? {...message, status: 'interrupted', endedAt: message.endedAt ?? conversation.updatedAt}
        : message,
    ),
  };
}

/**
 * The last user message and, when it was answered, its answer: the turn that regenerate and edit-and-resend redo.
 * @param messages The conversation.
 * @returns The index of the last user message, or -1.
 */
export function lastUserIndex(messages: readonly ChatMessage[]): number {
  for (let index = messages.length - 1; index >= 0; index--) if (messages[index].role === 'user') return index;
  return -1;
}

/**
 * The conversation with its last turn redone: the messages before the last user message, that message (with a new
 * text when edited), and a new pending answer.
 * @param messages The conversation.
 * @param answer The new pending answer.
 * @param content The edited prompt; default the same.
 * @returns The messages, or `undefined` when there is no user message.
 */
export function redoLastTurn(
  messages: readonly ChatMessage[],
  answer: ChatAssistantMessage,
  content?: string,
): ChatMessage[] | undefined {
  const index = lastUserIndex(messages);
  if (index < 0) return undefined;
  const prompt = messages[index] as ChatUserMessage;
  const edited: ChatUserMessage = content === undefined ? prompt : {...prompt, content, sentAt: answer.startedAt};
  return [...messages.slice(0, index), edited, answer];
}
