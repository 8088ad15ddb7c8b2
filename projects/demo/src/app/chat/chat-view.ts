import {ChangeDetectionStrategy, Component, computed, inject, signal, viewChild} from '@angular/core';
import {ChatSession} from './chat-session';
import {ChatComposer, type ComposedMessage} from './composer/chat-composer';
import type {ChatMessage} from './conversations/chat-message';
import {ConversationList} from './conversations/conversation-list';
import {lastUserIndex} from './conversations/conversation-turns';
import {AssistantMessage} from './messages/assistant-message';
import {UserMessage} from './messages/user-message';
import {FollowScrollDirective} from './scroll/follow-scroll-directive';
import {ChatSettingsPanel} from './settings/chat-settings-panel';

/** Prompts to start from, in an empty chat. */
const SUGGESTIONS = ['Why is the sky blue?', 'What is 12*(3+4)?', 'How do cascades fail over?'];

/**
 * The chat (loaded after the first paint by `ChatPage`): the conversations on the side, the open conversation in the middle (the page scrolls, the header and
 * the composer stay), and its settings (system prompt, cascade, tools, simulated scenarios) in a side panel.
 */
@Component({
  selector: 'app-chat-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ChatSession],
  // Escape closes the conversations drawer on a phone (the settings panel closes itself).
  host: {'(keydown.escape)': 'isListOpen.set(false)'},
  imports: [AssistantMessage, ChatComposer, ChatSettingsPanel, ConversationList, FollowScrollDirective, UserMessage],
  template: `
    <aside id="chat-conversations" class="conversations" aria-label="Conversations" [class.open]="isListOpen()">
      <app-conversation-list
        [conversations]="session.conversations()"
        [currentId]="session.conversation().id"
        (opened)="open($event)"
        (deleted)="session.delete($event)"
      />
    </aside>
    <section class="chat" aria-labelledby="chat-title">
      <header class="chat-header">
        <button
          type="button"
          class="icon-button list-toggle"
          data-testid="conversations-toggle"
          aria-controls="chat-conversations"
          [attr.aria-expanded]="isListOpen()"
          (click)="isListOpen.set(!isListOpen())"
        >
          Chats
        </button>
        <h1 id="chat-title" data-testid="chat-title">{{ session.conversation().title }}</h1>
        <button type="button" class="button" data-testid="new-chat" (click)="startNew()">New chat</button>
        <button
          type="button"
          class="button"
          data-testid="settings-toggle"
          aria-controls="chat-settings"
          [attr.aria-expanded]="isSettingsOpen()"
          (click)="toggleSettings()"
        >
          Settings
        </button>
      </header>
      <div class="messages" appFollowScroll #follow="followScroll" data-testid="messages">
        @for (message of session.messages(); track message.id; let last = $last) {
          @if (message.role === 'user') {
            <app-user-message
              [message]="message"
              [isEditable]="isLastPrompt(message) && !session.isStreaming()"
              (resent)="editAndResend($event)"
            />
          } @else {
            <app-assistant-message [message]="message" [isLast]="last" (regenerate)="regenerate()" />
          }
        } @empty {
          <div class="empty" data-testid="empty-chat">
            <p>Ask anything. {{ session.isSimulated() ? 'The simulated providers answer offline.' : '' }}</p>
            <ul>
              @for (suggestion of suggestions; track suggestion) {
                <li>
                  <button type="button" class="chip" data-testid="suggestion" (click)="draft.set(suggestion)">
                    {{ suggestion }}
                  </button>
                </li>
              }
            </ul>
          </div>
        }
      </div>
      <div class="composer-bar">
        @if (!follow.isFollowing()) {
          <button type="button" class="button jump" data-testid="jump-to-latest" (click)="follow.jumpToLatest()">
            ↓ Jump to latest
          </button>
        }
        <app-chat-composer
          [(text)]="draft"
          [isStreaming]="session.isStreaming()"
          (sent)="send($event)"
          (stopped)="session.stop()"
          (focused)="onComposerFocus()"
        />
        <p class="mode" data-testid="chat-mode">
          {{ session.isSimulated() ? 'Simulated providers (mock server)' : 'Real providers (through the demo proxy)' }}
          · {{ session.steps()[0].provider }} / {{ session.steps()[0].model }}
          @if (session.steps().length > 1) {
            + {{ session.steps().length - 1 }} fallback{{ session.steps().length > 2 ? 's' : '' }}
          }
        </p>
      </div>
    </section>
    @if (isSettingsOpen()) {
      <aside id="chat-settings" class="settings" data-testid="chat-settings" aria-labelledby="chat-settings-title">
        <app-chat-settings-panel (closed)="closeSettings()" />
      </aside>
    }
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: 14rem minmax(0, 1fr) auto;
      gap: 1.25rem;
      align-items: start;
    }
    .conversations,
    .settings {
      position: sticky;
      top: 0;
      max-height: 100dvh;
      overflow-y: auto;
      box-sizing: border-box;
      padding: 0.75rem 0 0.75rem 0.75rem;
    }
    .settings {
      width: 22rem;
      padding: 0.75rem;
      background: var(--surface);
      border-left: 1px solid var(--border);
    }
    .chat {
      display: flex;
      flex-direction: column;
      min-width: 0;
      min-height: calc(100dvh - 6rem);
    }
    .chat-header {
      position: sticky;
      top: 0;
      z-index: 2;
      display: flex;
      gap: 0.5rem;
      align-items: center;
      padding: 0.5rem 0;
      background: var(--bg);
      border-bottom: 1px solid var(--border);
    }
    h1 {
      flex: 1;
      min-width: 0;
      margin: 0;
      font-size: 1.05rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .list-toggle {
      display: none;
    }
    .messages {
      flex: 1;
      display: flex;
      flex-direction: column;
      gap: 1rem;
      padding: 1rem 0;
    }
    .empty {
      color: var(--muted);
      text-align: center;
      margin: auto 0;
    }
    .empty ul {
      list-style: none;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      justify-content: center;
    }
    .composer-bar {
      position: sticky;
      bottom: 0;
      z-index: 2;
      display: grid;
      justify-items: center;
      gap: 0.4rem;
      padding: 0.5rem 0 0.75rem;
      background: var(--bg);
    }
    .composer-bar app-chat-composer {
      justify-self: stretch;
    }
    .mode {
      margin: 0;
      font-size: 0.75rem;
      color: var(--muted);
      text-align: center;
    }
    /* Above the composer, out of the flow: showing or hiding it does not move the page. */
    .jump {
      position: absolute;
      bottom: calc(100% + 0.25rem);
      box-shadow: var(--shadow);
    }
    @media (max-width: 56rem) {
      :host {
        grid-template-columns: minmax(0, 1fr);
      }
      .list-toggle {
        display: inline-flex;
      }
      .conversations,
      .settings {
        position: fixed;
        inset: 0;
        z-index: 10;
        width: auto;
        max-height: none;
        padding: 1rem;
        background: var(--bg);
      }
      .conversations:not(.open) {
        display: none;
      }
    }
  `,
})
export class ChatView {
  protected readonly session = inject(ChatSession);
  protected readonly suggestions = SUGGESTIONS;
  protected readonly draft = signal('');
  protected readonly isSettingsOpen = signal(false);
  protected readonly isListOpen = signal(false);
  private readonly _follow = viewChild.required(FollowScrollDirective);
  private readonly _composer = viewChild.required(ChatComposer);
  private readonly _settingsPanel = viewChild(ChatSettingsPanel);
  private readonly _lastPromptId = computed(() => {
    const messages = this.session.messages();
    return messages[lastUserIndex(messages)]?.id;
  });

  /** The composer got focus: the user is about to ask, so the cascade's SDKs load now (`LlmStream.preload()`). */
  onComposerFocus(): void {
    this.session.preload();
  }

  protected isLastPrompt(message: ChatMessage): boolean {
    return message.id === this._lastPromptId();
  }

  protected send(composed: ComposedMessage): void {
    this.session.send(composed.text, composed.images);
    this._follow().jumpToLatest();
  }

  protected regenerate(): void {
    this.session.regenerate();
    this._follow().jumpToLatest();
  }

  protected editAndResend(prompt: string): void {
    this.session.editAndResend(prompt);
    this._follow().jumpToLatest();
  }

  protected open(id: string): void {
    this.session.open(id);
    this.isListOpen.set(false);
  }

  protected startNew(): void {
    this.session.startNew();
    this.isListOpen.set(false);
    this._composer().focus();
  }

  protected toggleSettings(): void {
    if (this.isSettingsOpen()) return this.closeSettings();
    this.isSettingsOpen.set(true);
    setTimeout(() => this._settingsPanel()?.focus());
  }

  protected closeSettings(): void {
    this.isSettingsOpen.set(false);
    document.querySelector<HTMLElement>('[data-testid="settings-toggle"]')?.focus();
  }
}
