import {ChangeDetectionStrategy, Component} from '@angular/core';
import {ChatView} from './chat-view';

/**
 * The chat page. The chat itself (`ChatView`: conversations, messages, composer, settings, and Dexie for its
 * storage) loads as its own chunk right after the first paint, so that the initial bundle stays small.
 */
@Component({
  selector: 'app-chat-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChatView],
  template: `
    @defer (on immediate) {
      <app-chat-view />
    } @placeholder {
      <p class="loading">Loading the chat…</p>
    }
  `,
  styles: `
    .loading {
      color: var(--muted);
    }
  `,
})
export class ChatPage {}
