import type {ChatAssistantMessage, ChatConversation, ChatMessage, ChatUserMessage} from './chat-message';
import {
  conversationTitle,
  lastUserIndex,
  pendingAnswer,
  redoLastTurn,
  requestMessages,
  restoredConversation,
} from './conversation-turns';

const user = (id: string, content: string): ChatUserMessage => ({role: 'user', id, content, sentAt: 1});
const answer = (id: string, content: string, overrides: Partial<ChatAssistantMessage> = {}): ChatAssistantMessage => ({
  ...pendingAnswer(id, 2),
  content,
  status: 'done',
  ...overrides,
});

describe('conversationTitle', () => {
  it('is the first prompt on one line, shortened', () => {
    expect(conversationTitle([user('u1', '  Why is\nthe sky blue?  '), user('u2', 'later')])).toBe(
      'Why is the sky blue?',
    );
    const long = conversationTitle([user('u1', 'word '.repeat(40))]);
    expect(long.length).toBe(48);
    expect(long.endsWith('…')).toBe(true);
  });

  it('is "New chat" before the first prompt, and "Image" for a first prompt of images only', () => {
    expect(conversationTitle([])).toBe('New chat');
    const png = new Blob(['png'], {type: 'image/png'});
    expect(conversationTitle([{...user('u1', ''), images: [png]}])).toBe('Image');
  });
});

describe('requestMessages', () => {
  it('sends every turn, in order, as user and assistant messages', () => {
    const messages: ChatMessage[] = [user('u1', 'Hi'), answer('a1', 'Hello!'), user('u2', 'And then?')];
    expect(requestMessages(messages)).toEqual([
      {role: 'user', content: 'Hi'},
      {role: 'assistant', content: 'Hello!'},
      {role: 'user', content: 'And then?'},
    ]);
  });

  it("sends a turn's images as image parts after its text, in every turn that has them", () => {
    const png = new Blob(['png'], {type: 'image/png'});
    const messages: ChatMessage[] = [{...user('u1', 'What is this?'), images: [png]}, answer('a1', 'A dot.')];
    expect(requestMessages([...messages, user('u2', 'Sure?')])).toEqual([
      {
        role: 'user',
        content: [
          {type: 'text', text: 'What is this?'},
          {type: 'image', image: png},
        ],
      },
      {role: 'assistant', content: 'A dot.'},
      {role: 'user', content: 'Sure?'},
    ]);
  });

  it('leaves out answers without text (failed or stopped before any)', () => {
    const messages = [user('u1', 'Hi'), answer('a1', '', {status: 'error'}), user('u2', 'Again')];
    expect(requestMessages(messages).map(message => message.role)).toEqual(['user', 'user']);
  });
});

describe('restoredConversation', () => {
  it('marks an answer saved while it streamed as interrupted, ended when the conversation was saved', () => {
    const conversation: ChatConversation = {
      id: 'c1',
      title: 'Hi',
      createdAt: 1,
      updatedAt: 5,
      messages: [user('u1', 'Hi'), answer('a1', 'Hel', {status: 'streaming'})],
    };
    const restored = restoredConversation(conversation).messages[1] as ChatAssistantMessage;
    expect(restored.status).toBe('interrupted');
    expect(restored.endedAt).toBe(5);
    expect(restored.content).toBe('Hel');
  });

  it('keeps a conversation without a streaming answer as it is', () => {
    const conversation: ChatConversation = {id: 'c1', title: 'Hi', createdAt: 1, updatedAt: 5, messages: []};
    expect(restoredConversation(conversation)).toBe(conversation);
  });
});

describe('redoLastTurn', () => {
  const messages: ChatMessage[] = [user('u1', 'Hi'), answer('a1', 'Hello'), user('u2', 'Why?'), answer('a2', 'So')];
  const next = pendingAnswer('a3', 9);

  it('replaces the last answer with a new pending one (regenerate)', () => {
    expect(redoLastTurn(messages, next)).toEqual([...messages.slice(0, 3), next]);
  });

  it('replaces the last prompt and its answer (edit and resend)', () => {
    const redone = redoLastTurn(messages, next, 'Why not?')!;
    expect(redoLastTurn(messages, next, 'Why not?')!.length).toBe(4);
    expect(redone[2]).toEqual({role: 'user', id: 'u2', content: 'Why not?', sentAt: 9});
    expect(redone[3]).toBe(next);
  });

  it('also redoes a last prompt that has no answer yet', () => {
    expect(redoLastTurn(messages.slice(0, 3), next)).toEqual([...messages.slice(0, 3), next]);
  });

  it('is undefined without a prompt', () => {
    expect(redoLastTurn([], next)).toBeUndefined();
    expect(lastUserIndex([])).toBe(-1);
  });
});
