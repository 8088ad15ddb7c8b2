/**
 * The Chromium markdown page: a long markdown answer streamed at a fixed rate, rendered by one renderer at one
 * update per animation frame, timing each frame's render (layout included), counting long tasks, and checking
 * that a selection made in the first paragraph survives to the end. Driven by `markdown-bench.ts` through
 * `window.markdownBench`.
 */
import {benchMarkdownAnswer, chunksOf} from '../markdown/markdown-answer';
import {atRate} from './at-rate';
import type {MarkdownPageRenderer} from '../markdown/markdown-renderer-names';
import {createMarkdownRenderer} from './markdown-renderers';

/** How the answer streams. */
export interface MarkdownRunConfig {
  readonly bytes: number;
  readonly chunkSize: number;
  readonly chunksPerSecond: number;
}

/** One frame that rendered: the text's length then, and how long the render took, milliseconds. */
export interface MarkdownFrame {
  readonly length: number;
  /** The renderer's update and the forced layout after it. */
  readonly ms: number;
  /** The forced layout alone. */
  readonly layoutMs: number;
}

/** One renderer's run. */
export interface MarkdownRunResult {
  readonly frames: readonly MarkdownFrame[];
  /** Durations of the long tasks (over 50 ms) during the run, milliseconds. */
  readonly longTasksMs: readonly number[];
  /** Whether the range selected in the first paragraph is, at the end, non-collapsed, connected and unchanged. */
  readonly isSelectionKept: boolean;
  /** The rendered text at the end, whitespace collapsed, to check that the renderers agree. */
  readonly finalText: string;
  readonly seconds: number;
}

/** One renderer given the same updates as another, off the clock of a stream. */
export interface MarkdownReplayResult {
  /** The updates timed (every one for a renderer that keeps state, one in `sampleEvery` for the others). */
  readonly timedUpdates: number;
  /** The time of all the updates (each with its forced layout), measured or, for a sampled renderer, the mean of
   * its timed updates times their number, milliseconds. */
  readonly estimatedMs: number;
}

/** What the page exposes to the driver. */
export interface MarkdownPageApi {
  run(renderer: MarkdownPageRenderer, config: MarkdownRunConfig): Promise<MarkdownRunResult>;
  /**
   * Renders the answer's prefixes of the given lengths, one after the other, as fast as it can: the same updates
   * for every renderer, so that their costs compare even where a slow renderer skips frames in a live stream.
   * A renderer that re-renders the whole text each update (all but llm-rx) costs the same whatever came before,
   * so only one update in `sampleEvery` is made and timed.
   */
  replay(
    renderer: MarkdownPageRenderer,
    bytes: number,
    lengths: readonly number[],
    sampleEvery: number,
  ): Promise<MarkdownReplayResult>;
}

/** Selected once this much text has rendered: the first paragraph is then complete. */
const SELECT_AFTER_CHARACTERS = 1_000;

function selectFirstParagraph(container: HTMLElement): string | undefined {
  const paragraph = container.querySelector('p');
  const selection = getSelection();
  if (!paragraph || !selection) return undefined;
  const range = document.createRange();
  range.selectNodeContents(paragraph);
  selection.removeAllRanges();
  selection.addRange(range);
  return range.toString();
}

function isSelectionKept(selected: string | undefined): boolean {
  const selection = getSelection();
  if (selected === undefined || !selection || selection.rangeCount === 0) return false;
  const range = selection.getRangeAt(0);
  return (
    !range.collapsed &&
    range.startContainer.isConnected &&
    range.endContainer.isConnected &&
    range.toString() === selected
  );
}

/**
 * The text of the rendered answer, whitespace collapsed, without a renderer's own controls (the header llm-rx puts
 * above a code block: its language and copy button), which the other renderers do not add.
 */
function answerTextOf(container: HTMLElement): string {
  const copy = container.cloneNode(true) as HTMLElement;
  for (const control of copy.querySelectorAll('.llm-markdown-code-header')) control.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const api: MarkdownPageApi = {
  async replay(name, bytes, lengths, sampleEvery) {
    document.getElementById('out')?.remove();
    const container = Object.assign(document.createElement('article'), {id: 'out'});
    document.body.append(container);
    const renderer = await createMarkdownRenderer(name, container);
    const answer = benchMarkdownAnswer(bytes);
    const every = name === 'llm-rx' ? 1 : Math.max(1, sampleEvery);
    let timedMs = 0;
    let timedUpdates = 0;
    for (let index = 0; index < lengths.length; index += every) {
      const startedAt = performance.now();
      await renderer.update(answer.slice(0, lengths[index]));
      void container.offsetHeight;
      timedMs += performance.now() - startedAt;
      timedUpdates++;
    }
    renderer.destroy();
    return {timedUpdates, estimatedMs: timedUpdates ? (timedMs / timedUpdates) * lengths.length : 0};
  },

  async run(name, config) {
    document.getElementById('out')?.remove();
    const container = Object.assign(document.createElement('article'), {id: 'out'});
    document.body.append(container);
    const renderer = await createMarkdownRenderer(name, container);
    const chunks = chunksOf(benchMarkdownAnswer(config.bytes), config.chunkSize);
    const longTasksMs: number[] = [];
    const observer = new PerformanceObserver(list => {
      for (const entry of list.getEntries()) longTasksMs.push(entry.duration);
    });
    observer.observe({type: 'longtask'});
    const frames: MarkdownFrame[] = [];
    let text = '';
    let rendered = '';
    let isStreamDone = false;
    let selected: string | undefined;
    const startedAt = performance.now();
    return new Promise<MarkdownRunResult>((resolve, reject) => {
      const subscription = atRate(
        chunks.length,
        config.chunksPerSecond,
        index => chunks[index] as string,
        true,
      ).subscribe({
        next: chunk => (text += chunk),
        error: reject,
        complete: () => (isStreamDone = true),
      });
      const onFrame = async () => {
        try {
          if (text !== rendered) {
            const current = text;
            const renderStartedAt = performance.now();
            await renderer.update(current);
            const layoutStartedAt = performance.now();
            // Layout is part of a frame's cost: reading a layout property forces it now.
            void container.offsetHeight;
            const renderEndedAt = performance.now();
            frames.push({
              length: current.length,
              ms: renderEndedAt - renderStartedAt,
              layoutMs: renderEndedAt - layoutStartedAt,
            });
            rendered = current;
            if (selected === undefined && current.length >= SELECT_AFTER_CHARACTERS) {
              selected = selectFirstParagraph(container);
            }
          }
          if (!isStreamDone || rendered !== text) {
            requestAnimationFrame(() => void onFrame());
            return;
          }
          await renderer.finish(text);
          void container.offsetHeight;
          const seconds = (performance.now() - startedAt) / 1000;
          // Long tasks are reported after they end: one more task lets the last one in.
          await new Promise(done => setTimeout(done, 0));
          observer.disconnect();
          resolve({
            frames,
            longTasksMs,
            isSelectionKept: isSelectionKept(selected),
            finalText: answerTextOf(container),
            seconds,
          });
          renderer.destroy();
        } catch (error) {
          subscription.unsubscribe();
          reject(error);
        }
      };
      requestAnimationFrame(() => void onFrame());
    });
  },
};

(globalThis as unknown as {markdownBench: MarkdownPageApi}).markdownBench = api;
