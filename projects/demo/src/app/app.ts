import {ChangeDetectionStrategy, Component} from '@angular/core';

/** The demo's first page; the chat and the usage dashboard come with the Angular layer. */
@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main>
      <h1>llm-rx demo</h1>
      <p>Stream LLM answers as RxJS Observables, fail over safely, and know what every call cost.</p>
    </main>
  `,
  styles: `
    main {
      max-width: 60rem;
      margin: 2rem auto;
      padding: 0 1rem;
    }
  `,
})
export class App {}
