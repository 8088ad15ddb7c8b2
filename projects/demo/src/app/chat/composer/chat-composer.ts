import {ChangeDetectionStrategy, Component, ElementRef, input, model, output, viewChild} from '@angular/core';
import {composerKeyAction} from './composer-key';

/**
 * Where the user writes: a textarea that grows with its text (up to a limit, then scrolls), Enter sends, Shift+Enter
 * inserts a new line, and the Enter that picks an IME candidate does not send. Send is disabled while the text is
 * empty or an answer streams; Stop replaces it while an answer streams.
 */
@Component({
  selector: 'app-chat-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="composer" (submit)="$event.preventDefault(); submit()">
      <label class="visually-hidden" for="chat-prompt">Message</label>
      <textarea
        #field
        id="chat-prompt"
        rows="1"
        data-testid="prompt"
        placeholder="Ask anything — Enter sends, Shift+Enter adds a line"
        [value]="text()"
        (input)="onInput($any($event.target).value)"
        (keydown)="onKeydown($event)"
        (focus)="focused.emit()"
      ></textarea>
      @if (isStreaming()) {
        <button type="button" class="button danger" data-testid="cancel" (click)="stopped.emit()">Stop</button>
      } @else {
        <button type="submit" class="button primary" data-testid="send" [disabled]="!text().trim()">Send</button>
      }
    </form>
  `,
  styles: `
    .composer {
      display: flex;
      gap: 0.5rem;
      align-items: flex-end;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      padding: 0.5rem;
      box-shadow: var(--shadow);
    }
    textarea {
      flex: 1;
      min-width: 0;
      font: inherit;
      resize: none;
      border: none;
      background: transparent;
      color: var(--text);
      min-height: 1.5rem;
      max-height: 12rem;
      overflow-y: auto;
      padding: 0.35rem;
      field-sizing: content;
    }
    textarea:focus-visible {
      outline: 2px solid var(--focus);
      outline-offset: 2px;
    }
  `,
})
export class ChatComposer {
  /** The text being written. */
  readonly text = model('');
  /** Whether an answer streams (Send becomes Stop). */
  readonly isStreaming = input(false);
  /** The text to send, trimmed; the composer empties. */
  readonly sent = output<string>();
  /** Stop was pressed. */
  readonly stopped = output();
  /** The textarea got focus (the chat preloads the provider's SDK then). */
  readonly focused = output();

  private readonly _field = viewChild.required<ElementRef<HTMLTextAreaElement>>('field');

  /** Moves the focus to the textarea. */
  focus(): void {
    this._field().nativeElement.focus();
  }

  protected onInput(value: string): void {
    this.text.set(value);
    this._fitHeight();
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (composerKeyAction(event) !== 'send') return;
    event.preventDefault();
    this.submit();
  }

  protected submit(): void {
    const text = this.text().trim();
    if (!text || this.isStreaming()) return;
    this.sent.emit(text);
    this.text.set('');
    // The bound value updates with the next change detection; the height must follow the emptied text now.
    this._field().nativeElement.value = '';
    this._fitHeight();
  }

  /** Grows the textarea with its text where CSS `field-sizing` is not supported. */
  private _fitHeight(): void {
    const field = this._field().nativeElement;
    if (CSS.supports('field-sizing', 'content')) return;
    field.style.height = 'auto';
    field.style.height = `${field.scrollHeight}px`;
  }
}
