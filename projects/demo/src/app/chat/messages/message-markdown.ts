import {ChangeDetectionStrategy, Component, computed, input} from '@angular/core';
import {renderMarkdown} from '../../common/render-markdown';

/**
 * The one place the chat renders markdown. Today it parses the whole text with `renderMarkdown()` and replaces the
 * element's HTML (sanitized by `[innerHTML]`), once per frame at most as the text signal is paced; at merge its
 * inside becomes the library's `<llm-markdown [text] [streaming]>`, which renders finished blocks once.
 */
@Component({
  selector: 'app-message-markdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="markdown" [innerHTML]="html()"></div>`,
  styles: `
    .markdown {
      line-height: 1.6;
      overflow-wrap: anywhere;
    }
    .markdown :is(pre, table) {
      max-width: 100%;
      overflow-x: auto;
    }
    .markdown pre {
      background: var(--code-bg);
      border-radius: var(--radius-small);
      padding: 0.6rem 0.8rem;
      font-family: var(--font-mono);
    }
    .markdown table {
      display: block;
      border-collapse: collapse;
    }
    .markdown :is(th, td) {
      border: 1px solid var(--border);
      padding: 0.25rem 0.6rem;
    }
  `,
})
export class MessageMarkdown {
  /** The markdown so far. */
  readonly text = input.required<string>();
  /**
   * Whether more text is coming: the library's renderer heals the unfinished tail while it is. Nothing in this
   * element changes with it today, so that a streaming answer's DOM changes once per frame at most.
   */
  readonly streaming = input(false);

  protected readonly html = computed(() => renderMarkdown(this.text()));
}
