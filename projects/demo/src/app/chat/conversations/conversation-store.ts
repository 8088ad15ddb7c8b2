import {DestroyRef, inject, Injectable, signal} from '@angular/core';
import type {ChatConversation} from './chat-message';
import type {ChatDatabase} from './chat-database';
import {restoredConversation} from './conversation-turns';

/**
 * The chat's conversations, kept in IndexedDB (`ChatDatabase`) and in memory as a signal, most recent first. Each
 * save writes one whole conversation: the chat saves on each send and at the end of each answer, never per chunk.
 */
@Injectable({providedIn: 'root'})
export class ConversationStore {
  /** Dexie loads with the first read, out of the initial bundle. */
  private readonly _database: Promise<ChatDatabase> = import('./chat-database').then(
    ({ChatDatabase}) => new ChatDatabase(),
  );
  private readonly _conversations = signal<readonly ChatConversation[]>([]);
  private readonly _isLoaded = signal(false);

  /** Every conversation, most recently updated first. */
  readonly conversations = this._conversations.asReadonly();
  /** Whether the stored conversations were read (or could not be). */
  readonly isLoaded = this._isLoaded.asReadonly();
  /** Resolves once the stored conversations are read. */
  readonly loaded: Promise<void>;

  constructor() {
    inject(DestroyRef).onDestroy(() => void this._database.then(database => database.close()));
    this.loaded = this._database
      .then(database => database.conversations.orderBy('updatedAt').reverse().toArray())
      .then(stored => this._conversations.set(stored.map(restoredConversation)))
      .catch((error: unknown) => console.warn('llm-rx demo: the conversations could not be read:', error))
      .finally(() => this._isLoaded.set(true));
  }

  /**
   * Shows a conversation at once and writes it.
   * @param conversation The conversation, new or changed.
   * @returns Resolves when written (a failure is logged, never thrown).
   */
  save(conversation: ChatConversation): Promise<void> {
    this._conversations.update(list => [conversation, ...list.filter(other => other.id !== conversation.id)]);
    return this._write(database => database.conversations.put(conversation));
  }

  /**
   * Removes a conversation.
   * @param id Its id.
   * @returns Resolves when deleted.
   */
  delete(id: string): Promise<void> {
    this._conversations.update(list => list.filter(conversation => conversation.id !== id));
    return this._write(database => database.conversations.delete(id));
  }

  private async _write(write: (database: ChatDatabase) => Promise<unknown>): Promise<void> {
    try {
      await write(await this._database);
    } catch (error) {
      console.warn('llm-rx demo: the conversation could not be saved:', error);
    }
  }
}
