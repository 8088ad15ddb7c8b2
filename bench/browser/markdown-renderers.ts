/**
 * The renderers the markdown page compares, each over one container: the streaming renderer of `llm-rx/markdown`,
 * whole-text `marked` + `innerHTML` (today's demo), and ngx-markdown's component in a zoneless Angular app.
 */
import '@angular/compiler';
import {type ApplicationRef, Component, type ComponentRef, provideZonelessChangeDetection, signal} from '@angular/core';
import {createApplication} from '@angular/platform-browser';
import {Marked} from 'marked';
import {StreamingMarkdown} from 'llm-rx/markdown';
import {MarkdownComponent, provideMarkdown} from 'ngx-markdown';
import {firstValueFrom} from 'rxjs';
import type {MarkdownPageRenderer} from '../markdown/markdown-renderer-names';

/** One renderer over one container. */
export interface MarkdownRenderer {
  /** Renders the whole text so far; resolves once it is in the DOM. */
  update(text: string): Promise<void> | void;
  /** The text is complete. */
  finish(text: string): Promise<void> | void;
  destroy(): void;
}

/**
 * Creates a renderer.
 * @param name Which; `none` renders nothing.
 * @param container Where it renders.
 * @returns The renderer.
 */
export async function createMarkdownRenderer(
  name: MarkdownPageRenderer,
  container: HTMLElement,
): Promise<MarkdownRenderer> {
  switch (name) {
    case 'llm-rx': {
      const markdown = new StreamingMarkdown(container);
      return {
        update: text => markdown.update(text),
        finish: () => markdown.finish(),
        destroy: () => markdown.destroy(),
      };
    }
    case 'marked': {
      // As the demo did: a private instance, the whole text parsed and the whole HTML replaced every frame.
      const marked = new Marked({gfm: true, breaks: false, async: false});
      const render = (text: string) => void (container.innerHTML = marked.parse(text, {async: false}));
      return {update: render, finish: render, destroy: () => container.replaceChildren()};
    }
    case 'ngx-markdown':
      return ngxMarkdownRenderer(container);
    case 'none':
      return {update: () => undefined, finish: () => undefined, destroy: () => undefined};
  }
}

@Component({
  selector: 'app-ngx-markdown-bench',
  imports: [MarkdownComponent],
  template: `<markdown [data]="text()" (ready)="rendered()"></markdown>`,
})
class NgxMarkdownHost {
  readonly text = signal('');
  /** Set by the renderer before each change, resolved by the component's `ready` output. */
  onRendered: () => void = () => undefined;
  rendered(): void {
    this.onRendered();
  }
}

let application: Promise<ApplicationRef> | undefined;

async function ngxMarkdownRenderer(container: HTMLElement): Promise<MarkdownRenderer> {
  application ??= createApplication({providers: [provideZonelessChangeDetection(), provideMarkdown()]});
  const app = await application;
  const host = document.createElement('app-ngx-markdown-bench');
  container.append(host);
  const component: ComponentRef<NgxMarkdownHost> = app.bootstrap(NgxMarkdownHost, host);
  // Data set, then one change detection; ngx-markdown parses and writes asynchronously, and says when with `ready`.
  const render = (text: string) =>
    // The same data again renders nothing, and would never be `ready`.
    text === component.instance.text()
      ? Promise.resolve()
      : new Promise<void>(resolve => {
          component.instance.onRendered = resolve;
          component.instance.text.set(text);
          app.tick();
        });
  await firstValueFrom(app.isStable);
  return {
    update: render,
    finish: render,
    destroy: () => {
      component.destroy();
      container.replaceChildren();
    },
  };
}
