import {ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, output} from '@angular/core';
import {attachedImageLabel} from './attached-image-label';
import {BlobUrls} from './blob-urls';

/**
 * A row of image thumbnails, each labelled with its media type and size, optionally with a remove (×) button: the
 * composer's attached images and a sent message's. Each image is shown through an object URL that is revoked when
 * the image leaves the list and when the row is destroyed.
 */
@Component({
  selector: 'app-image-thumbnails',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="thumbnails" [attr.data-testid]="testId()">
      @for (url of urls(); track $index; let index = $index) {
        <li data-testid="image-thumbnail">
          <img [src]="url" [alt]="label(index)" [title]="label(index)" />
          @if (isRemovable()) {
            <button
              type="button"
              class="remove"
              data-testid="remove-image"
              [attr.aria-label]="'Remove image ' + (index + 1)"
              (click)="removed.emit(index)"
            >
              ×
            </button>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .thumbnails {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      position: relative;
    }
    img {
      display: block;
      width: 4rem;
      height: 4rem;
      object-fit: cover;
      border: 1px solid var(--border);
      border-radius: var(--radius-small, 0.25rem);
      background: var(--surface-2);
    }
    .remove {
      position: absolute;
      top: -0.4rem;
      right: -0.4rem;
      width: 1.4rem;
      height: 1.4rem;
      padding: 0;
      border: 1px solid var(--border);
      border-radius: 50%;
      background: var(--surface);
      color: var(--text);
      font: inherit;
      line-height: 1;
      cursor: pointer;
    }
    .remove:focus-visible {
      outline: 2px solid var(--focus);
      outline-offset: 1px;
    }
  `,
})
export class ImageThumbnails {
  /** The images, in order. */
  readonly images = input.required<readonly Blob[]>();
  /** Whether each image has a remove button (the composer's). */
  readonly isRemovable = input(false);
  /** The list's test id, e.g. `composer-images`. */
  readonly testId = input('images');
  /** The remove button of the image at this index was pressed. */
  readonly removed = output<number>();

  private readonly _blobUrls = new BlobUrls();
  /** One URL per image; making them here revokes, in the same step, those of the images that left the list. */
  protected readonly urls = computed(() => this._blobUrls.sync(this.images()));

  constructor() {
    inject(DestroyRef).onDestroy(() => this._blobUrls.revokeAll());
  }

  protected label(index: number): string {
    return attachedImageLabel(index, this.images()[index]);
  }
}
