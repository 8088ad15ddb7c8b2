/**
 * The Chromium render page: a stream of text chunks at a fixed rate, bound to the page two ways, counting chunks in
 * and view updates (DOM writes) out per animation frame, driven by `browser-bench.ts` through `window.renderBench`.
 *
 * - `naive`: `scan` accumulating the text, every emission written to the view (the `scan` + `async` pipe binding).
 * - `llm-rx`: `LlmStream.text()` from `llm-rx/angular`, taken from a real (component-less, zoneless) Angular
 *   application injector with `provideLlm()`, the stream given as its `llm` option.
 */
import '@angular/compiler';
import {provideZonelessChangeDetection} from '@angular/core';
import {createApplication} from '@angular/platform-browser';
import type {LlmChunk} from 'llm-rx';
import {LlmStream, provideLlm} from 'llm-rx/angular';
import {llmFromObservable, usagePart} from 'llm-rx/testing';
import {concat, type Observable, of, scan} from 'rxjs';
import {atRate} from './at-rate';

/** One binding's counts over one run. */
export interface RenderResult {
  readonly chunksIn: number;
  readonly updates: number;
  readonly frames: number;
  /** The most view updates between two animation frames. */
  readonly maxUpdatesPerFrame: number;
  readonly seconds: number;
  /** Whether the last update showed the whole text. */
  readonly isFinalTextShown: boolean;
}

/** What the page exposes to the driver. */
export interface RenderPageApi {
  run(binding: 'naive' | 'llm-rx', chunksPerSecond: number, seconds: number): Promise<RenderResult>;
}

/** Text chunks at a steady rate (see `atRate()`), then the usage part. */
function chunksAtRate(chunksPerSecond: number, seconds: number): Observable<LlmChunk> {
  const total = Math.round(chunksPerSecond * seconds);
  return concat(
    atRate<LlmChunk>(total, chunksPerSecond, index => ({type: 'text-delta', text: `w${index + 1} `})),
    of(usagePart({outputTokens: total})),
  );
}

const llmStream = createApplication({providers: [provideZonelessChangeDetection(), provideLlm()]}).then(application =>
  application.injector.get(LlmStream),
);

const api: RenderPageApi = {
  async run(binding, chunksPerSecond, seconds) {
    const view = document.getElementById('out') as HTMLElement;
    const llm = llmFromObservable('bench', 'bench', () => chunksAtRate(chunksPerSecond, seconds));
    const request = {userPrompt: 'bench'};
    const texts =
      binding === 'naive'
        ? llm.stream(request).pipe(scan((text, chunk) => (chunk.type === 'text-delta' ? text + chunk.text : text), ''))
        : (await llmStream).text(request, {llm});
    return new Promise((resolve, reject) => {
      let updates = 0;
      let frames = 0;
      let updatesThisFrame = 0;
      let maxUpdatesPerFrame = 0;
      let lastText = '';
      let isRunning = true;
      const onFrame = () => {
        if (!isRunning) return;
        frames++;
        maxUpdatesPerFrame = Math.max(maxUpdatesPerFrame, updatesThisFrame);
        updatesThisFrame = 0;
        requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
      const startedAt = performance.now();
      texts.subscribe({
        next: text => {
          updates++;
          updatesThisFrame++;
          lastText = text;
          view.textContent = text;
        },
        error: reject,
        complete: () => {
          isRunning = false;
          maxUpdatesPerFrame = Math.max(maxUpdatesPerFrame, updatesThisFrame);
          const chunksIn = Math.round(chunksPerSecond * seconds);
          const expected = Array.from({length: chunksIn}, (_, index) => `w${index + 1} `).join('');
          resolve({
            chunksIn,
            updates,
            frames,
            maxUpdatesPerFrame,
            seconds: (performance.now() - startedAt) / 1000,
            isFinalTextShown: lastText === expected,
          });
        },
      });
    });
  },
};

(globalThis as unknown as {renderBench: RenderPageApi}).renderBench = api;
