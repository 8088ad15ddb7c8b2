import {ChangeDetectionStrategy, Component, ElementRef, input, model, output, signal, viewChild} from '@angular/core';
import {carriesFiles, ignoredFilesNotice, pickImageFiles, type PickedFiles} from '../images/image-files';
import {ImageThumbnails} from '../images/image-thumbnails';
import {composerKeyAction} from './composer-key';

/** What the composer sends: the text, trimmed, and the images attached to it. */
export interface ComposedMessage {
  readonly text: string;
  readonly images: readonly File[];
}

/**
 * Where the user writes: a textarea that grows with its text (up to a limit, then scrolls), Enter sends, Shift+Enter
 * inserts a new line, and the Enter that picks an IME candidate does not send. Images are attached by pasting them,
 * dropping them on the composer (highlighted while a drag of files is over it) or with "Attach image"; they show as
 * thumbnails with a remove button, go with the next message and are cleared once it is sent. Files that are not
 * images are left out, with a notice naming them. Send is disabled while there is neither text nor an image, or an
 * answer streams; Stop replaces it while an answer streams.
 */
@Component({
  selector: 'app-chat-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ImageThumbnails],
  template: `
    <form
      class="composer"
      data-testid="composer"
      [class.dropping]="isDropping()"
      [attr.data-dropping]="isDropping()"
      (submit)="$event.preventDefault(); submit()"
      (dragover)="onDragOver($event)"
      (dragleave)="onDragLeave($event)"
      (drop)="onDrop($event)"
    >
      @if (notice()) {
        <p class="notice" role="status" data-testid="composer-notice">{{ notice() }}</p>
      }
      @if (images().length > 0) {
        <app-image-thumbnails
          testId="composer-images"
          [images]="images()"
          [isRemovable]="true"
          (removed)="removeImage($event)"
        />
      }
      <div class="row">
        <input
          #fileInput
          type="file"
          accept="image/*"
          multiple
          hidden
          data-testid="attach-input"
          (change)="onFilesChosen(fileInput)"
        />
        <button
          type="button"
          class="icon-button attach"
          data-testid="attach-image"
          aria-label="Attach image"
          title="Attach image"
          (click)="fileInput.click()"
        >
          +
        </button>
        <label class="visually-hidden" for="chat-prompt">Message</label>
        <textarea
          #field
          id="chat-prompt"
          rows="1"
          data-testid="prompt"
          placeholder="Ask anything — Enter sends, Shift+Enter adds a line; paste or drop images"
          [value]="text()"
          (input)="onInput($any($event.target).value)"
          (keydown)="onKeydown($event)"
          (paste)="onPaste($event)"
          (focus)="focused.emit()"
        ></textarea>
        @if (isStreaming()) {
          <button type="button" class="button danger" data-testid="cancel" (click)="stopped.emit()">Stop</button>
        } @else {
          <button type="submit" class="button primary" data-testid="send" [disabled]="!canSend()">Send</button>
        }
      </div>
    </form>
  `,
  styles: `
    .composer {
      display: grid;
      gap: 0.5rem;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: var(--radius);
      padding: 0.5rem;
      box-shadow: var(--shadow);
    }
    .composer.dropping {
      border-color: var(--focus);
      outline: 2px dashed var(--focus);
      outline-offset: 2px;
    }
    .row {
      display: flex;
      gap: 0.5rem;
      align-items: flex-end;
    }
    .attach {
      font-size: 1.2rem;
      line-height: 1;
    }
    .notice {
      margin: 0;
      font-size: 0.8rem;
      color: var(--muted);
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
  /** The text to send, trimmed, and the attached images; the composer empties. */
  readonly sent = output<ComposedMessage>();
  /** Stop was pressed. */
  readonly stopped = output();
  /** The textarea got focus (the chat preloads the provider's SDK then). */
  readonly focused = output();

  /** The images attached to the next message, in order. */
  protected readonly images = signal<readonly File[]>([]);
  /** Which files of the last paste, drop or choice were left out, or empty. */
  protected readonly notice = signal('');
  /** Whether a drag of files is over the composer. */
  protected readonly isDropping = signal(false);

  private readonly _field = viewChild.required<ElementRef<HTMLTextAreaElement>>('field');

  /** Moves the focus to the textarea. */
  focus(): void {
    this._field().nativeElement.focus();
  }

  protected canSend(): boolean {
    return this.text().trim() !== '' || this.images().length > 0;
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

  /** A paste with images attaches them; its text, if any, is still pasted. */
  protected onPaste(event: ClipboardEvent): void {
    const clipboard = event.clipboardData;
    const picked = pickImageFiles(clipboard);
    if (picked.images.length === 0 && picked.ignored.length === 0) return;
    this._attach(picked);
    if (!clipboard?.getData('text/plain')) event.preventDefault();
  }

  protected onDragOver(event: DragEvent): void {
    if (!carriesFiles(event.dataTransfer?.types)) return;
    // Without this the browser opens a dropped file in place of the demo.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.isDropping.set(true);
  }

  protected onDragLeave(event: DragEvent): void {
    // Leaving the form for one of its children is no leaving.
    const to = event.relatedTarget;
    if (to instanceof Node && (event.currentTarget as Node).contains(to)) return;
    this.isDropping.set(false);
  }

  protected onDrop(event: DragEvent): void {
    this.isDropping.set(false);
    if (!carriesFiles(event.dataTransfer?.types)) return;
    event.preventDefault();
    const picked = pickImageFiles(event.dataTransfer);
    this._attach(picked);
  }

  protected onFilesChosen(input: HTMLInputElement): void {
    const picked = pickImageFiles(input.files);
    this._attach(picked);
    // Choosing the same file again fires `change` again.
    input.value = '';
  }

  protected removeImage(index: number): void {
    this.images.update(images => images.filter((_image, at) => at !== index));
    this._field().nativeElement.focus();
  }

  protected submit(): void {
    const text = this.text().trim();
    if (!this.canSend() || this.isStreaming()) return;
    this.sent.emit({text, images: this.images()});
    this.text.set('');
    this.images.set([]);
    this.notice.set('');
    // The bound value updates with the next change detection; the height must follow the emptied text now.
    this._field().nativeElement.value = '';
    this._fitHeight();
  }

  private _attach({images, ignored}: PickedFiles): void {
    if (images.length > 0) this.images.update(attached => [...attached, ...images]);
    this.notice.set(ignoredFilesNotice(ignored));
  }

  /** Grows the textarea with its text where CSS `field-sizing` is not supported. */
  private _fitHeight(): void {
    const field = this._field().nativeElement;
    if (CSS.supports('field-sizing', 'content')) return;
    field.style.height = 'auto';
    field.style.height = `${field.scrollHeight}px`;
  }
}
