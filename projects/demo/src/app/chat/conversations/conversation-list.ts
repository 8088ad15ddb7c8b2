import {ChangeDetectionStrategy, Component, input, output} from '@angular/core';
import type {ChatConversation} from './chat-message';

/** The stored conversations, most recent first: open one, or delete one. */
@Component({
  selector: 'app-conversation-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="heading">Conversations</h2>
    @if (conversations().length === 0) {
      <p class="empty">None yet: your chats are kept in this browser.</p>
    }
    <ul data-testid="conversation-list">
      @for (conversation of conversations(); track conversation.id) {
        <li data-testid="conversation-item" [class.current]="conversation.id === currentId()">
          <button
            type="button"
            class="open"
            data-testid="open-conversation"
            [attr.aria-current]="conversation.id === currentId() ? 'page' : null"
            (click)="opened.emit(conversation.id)"
          >
            {{ conversation.title }}
          </button>
          <button
            type="button"
            class="icon-button"
            data-testid="delete-conversation"
            [attr.aria-label]="'Delete ' + conversation.title"
            (click)="deleted.emit(conversation.id)"
          >
            ✕
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    .heading {
      font-size: 0.85rem;
      color: var(--muted);
      margin: 0 0 0.5rem;
    }
    .empty {
      font-size: 0.85rem;
      color: var(--muted);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.15rem;
    }
    li {
      display: flex;
      align-items: center;
      border-radius: var(--radius-small);
    }
    li.current,
    li:hover {
      background: var(--surface-2);
    }
    .open {
      flex: 1;
      min-width: 0;
      text-align: left;
      background: none;
      border: none;
      color: var(--text);
      font: inherit;
      padding: 0.4rem 0.5rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      cursor: pointer;
    }
    .open:focus-visible {
      outline: 2px solid var(--focus);
    }
  `,
})
export class ConversationList {
  readonly conversations = input.required<readonly ChatConversation[]>();
  /** The open conversation's id. */
  readonly currentId = input<string>('');
  readonly opened = output<string>();
  readonly deleted = output<string>();
}
