import {ChangeDetectionStrategy, Component, input, output, signal} from '@angular/core';
import type {ChatUserMessage} from '../conversations/chat-message';
import {ImageThumbnails} from '../images/image-thumbnails';

/** One prompt of the conversation, with the images sent with it; the last one can be edited and sent again. */
@Component({
  selector: 'app-user-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ImageThumbnails],
  template: `
    @let images = message().images ?? [];
    <article class="user" data-testid="user-message">
      @if (isEditing()) {
        <form class="edit" (submit)="$event.preventDefault(); resend()">
          <label class="visually-hidden" [for]="'edit-' + message().id">Edit your message</label>
          <textarea
            data-testid="edit-prompt-text"
            rows="3"
            [id]="'edit-' + message().id"
            [value]="draft()"
            (input)="draft.set($any($event.target).value)"
            (keydown.escape)="isEditing.set(false)"
          ></textarea>
          <div class="edit-actions">
            <button type="button" class="button" (click)="isEditing.set(false)">Cancel</button>
            <button type="submit" class="button primary" data-testid="edit-prompt-send" [disabled]="!draft().trim()">
              Send
            </button>
          </div>
        </form>
      } @else {
        @if (images.length > 0) {
          <app-image-thumbnails testId="user-message-images" [images]="images" />
        }
        @if (message().content) {
          <p class="bubble" data-testid="user-message-text">{{ message().content }}</p>
        }
        @if (isEditable()) {
          <button
            type="button"
            class="icon-button"
            data-testid="edit-prompt"
            aria-label="Edit your message"
            (click)="edit()"
          >
            Edit
          </button>
        }
      }
    </article>
  `,
  styles: `
    .user {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      gap: 0.2rem;
    }
    .bubble {
      background: var(--surface-2);
      border-radius: var(--radius);
      padding: 0.5rem 0.85rem;
      margin: 0;
      max-width: min(36rem, 85%);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .edit {
      width: 100%;
      display: grid;
      gap: 0.4rem;
    }
    textarea {
      font: inherit;
      width: 100%;
      box-sizing: border-box;
    }
    .edit-actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.4rem;
    }
  `,
})
export class UserMessage {
  readonly message = input.required<ChatUserMessage>();
  /** Whether it is the last prompt, and no answer streams: then it can be edited. */
  readonly isEditable = input(false);
  /** The edited prompt, to send in place of this one. */
  readonly resent = output<string>();

  protected readonly isEditing = signal(false);
  protected readonly draft = signal('');

  protected edit(): void {
    this.draft.set(this.message().content);
    this.isEditing.set(true);
  }

  protected resend(): void {
    if (!this.draft().trim()) return;
    this.isEditing.set(false);
    this.resent.emit(this.draft());
  }
}
