import {ChangeDetectionStrategy, Component, input} from '@angular/core';
import {LlmMarkdown} from 'llm-rx/markdown/angular';

/**
 * The one place the chat renders markdown: the library's `<llm-markdown>`, which renders finished blocks once and
 * keeps their nodes (a selection survives streaming), renders only the growing tail again, heals its unfinished
 * syntax, sanitizes (DOMPurify) and highlights finished code blocks (highlight.js, loaded on the first one). Its
 * colours come from the demo's tokens (`--llm-markdown-*` in `styles.css`), so it follows the theme toggle.
 */
@Component({
  selector: 'app-message-markdown',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LlmMarkdown],
  template: `<llm-markdown class="markdown" [text]="text()" [streaming]="streaming()" />`,
})
export class MessageMarkdown {
  /** The markdown so far. */
  readonly text = input.required<string>();
  /** Whether more text is coming: the renderer heals the unfinished tail while it is. */
  readonly streaming = input(false);
}
