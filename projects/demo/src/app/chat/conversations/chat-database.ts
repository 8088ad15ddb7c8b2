import Dexie, {type EntityTable} from 'dexie';
import type {ChatConversation} from './chat-message';

/** The demo's database of conversations, separate from the call log (`llm-rx-demo-log`). */
export const CHAT_DATABASE_NAME = 'llm-rx-demo-chats';

/** The conversations, by id, with an index on `updatedAt` for the list, most recent first. */
export class ChatDatabase extends Dexie {
  readonly conversations!: EntityTable<ChatConversation, 'id'>;

  constructor(name = CHAT_DATABASE_NAME) {
    super(name);
    this.version(1).stores({conversations: 'id, updatedAt'});
  }
}
