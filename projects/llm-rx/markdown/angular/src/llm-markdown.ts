import {isPlatformBrowser} from '@angular/common';
import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  PLATFORM_ID,
  untracked,
  ViewEncapsulation,
} from '@angular/core';
import {StreamingMarkdown, type StreamingMarkdownOptions} from 'llm-rx/markdown';

/**
 * Renders a streamed markdown answer with `StreamingMarkdown`: finished blocks are rendered once and kept (a
 * selection survives streaming), only the growing tail is rendered again, unfinished syntax is healed, the HTML is
 * sanitized (DOMPurify; links open in a new tab with `rel="noopener noreferrer"`) and finished code blocks are
 * highlighted (highlight.js, loaded lazily).
 *
 * It renders at most once per change of its inputs, so bind the text signal of `injectLlmStream()` (which changes
 * at most once per frame) or an Observable through `async`. Styled through `--llm-markdown-*` custom properties
 * (light and dark defaults; see the README). On the server it renders nothing: the sanitizer needs a DOM.
 * @example
 * ```html
 * <llm-markdown [text]="answer.text()" [streaming]="answer.status() === 'streaming'" />
 * <llm-markdown [text]="text$ | async" [streaming]="(done$ | async) === false" />
 * ```
 */
@Component({
  selector: 'llm-markdown',
  template: '',
  styleUrl: './llm-markdown.css',
  // The blocks are inserted by the renderer, not by a template, so the styles cannot be scoped by Angular: they
  // are scoped by the `llm-markdown` selector instead.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {'[class.llm-markdown-streaming]': 'streaming()'},
})
export class LlmMarkdown {
  /** The whole markdown text so far; `null` and `undefined` (an `async` pipe before its first value) render nothing. */
  readonly text = input<string | null | undefined>('');
  /** Whether the text still grows: its tail is healed; once false, it is rendered as final (`finish()`). */
  readonly streaming = input(false, {transform: booleanAttribute});
  /** The renderer's sanitizer and highlighter, when not the defaults; a new object starts the rendering over. */
  readonly options = input<StreamingMarkdownOptions>({});

  constructor() {
    const host: HTMLElement = inject(ElementRef).nativeElement;
    const isBrowser = isPlatformBrowser(inject(PLATFORM_ID));
    let renderer: StreamingMarkdown | undefined;
    let rendererOptions: StreamingMarkdownOptions | undefined;
    effect(() => {
      const text = this.text() ?? '';
      const isStreaming = this.streaming();
      const options = this.options();
      if (!isBrowser) return;
      untracked(() => {
        if (options !== rendererOptions) {
          renderer?.destroy();
          renderer = new StreamingMarkdown(host, options);
          rendererOptions = options;
        }
        renderer!.update(text);
        if (!isStreaming) renderer!.finish();
      });
    });
    inject(DestroyRef).onDestroy(() => renderer?.destroy());
  }
}
