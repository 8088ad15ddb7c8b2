import {quantileOf} from '../lib/stats';
import type {MarkdownRendererName} from './markdown-renderer-names';
import type {MarkdownFrame, MarkdownReplayResult, MarkdownRunConfig, MarkdownRunResult} from '../browser/markdown-page';

/** Per-frame render times of the frames whose text was near one size, milliseconds. */
export interface FrameTimes {
  /** The size, characters (ASCII: bytes). */
  readonly around: number;
  /** The frames counted: text length in `[from, to]`. */
  readonly from: number;
  readonly to: number;
  readonly frames: number;
  readonly p50: number;
  readonly p95: number;
}

/** One renderer over the whole answer. */
export interface MarkdownRendererRow {
  readonly renderer: MarkdownRendererName;
  /** Why it could not run, if so; the rest is then absent. */
  readonly error?: string;
  readonly frames?: number;
  /** Near 1%, 10% and 100% of the answer (4, 40 and 400 kB for a 400 kB one). */
  readonly frameTimes?: readonly FrameTimes[];
  readonly longTasks?: number;
  readonly maxLongTaskMs?: number;
  /** Renderer main-thread busy time over the whole answer (CDP `TaskDuration`), seconds. */
  readonly mainThreadSeconds?: number;
  /** The sum of the frames' render times, seconds. */
  readonly renderSeconds?: number;
  /** The part of it spent in the forced layout after each update, seconds. */
  readonly layoutSeconds?: number;
  readonly isSelectionKept?: boolean;
  readonly seconds?: number;
  /** The time of the live llm-rx run's updates, given to this renderer one after the other, seconds. */
  readonly replaySeconds?: number;
  /** How many of them were made and timed (one in ten for a whole-text renderer). */
  readonly replayTimedUpdates?: number;
}

/** The markdown bench's run. */
export interface MarkdownResult extends MarkdownRunConfig {
  /** The main-thread time of the stream and frame loop with no renderer. */
  readonly baselineMainThreadSeconds: number;
  /** Long tasks of that run with no renderer: the machine's and the stream's own. */
  readonly baselineLongTasks: number;
  readonly rows: readonly MarkdownRendererRow[];
}

/**
 * The windows of text length whose frames are counted: around 1% of the answer (±50%: few frames are that short),
 * 10% (±25%) and the last 15%.
 * @param bytes The answer's size.
 * @returns Each window's size and bounds.
 */
export function frameWindows(bytes: number): Pick<FrameTimes, 'around' | 'from' | 'to'>[] {
  const small = Math.round(bytes / 100);
  const middle = Math.round(bytes / 10);
  return [
    {around: small, from: small * 0.5, to: small * 1.5},
    {around: middle, from: middle * 0.75, to: middle * 1.25},
    {around: bytes, from: bytes * 0.85, to: Number.POSITIVE_INFINITY},
  ];
}

/**
 * Per-frame p50 and p95 in each window.
 * @param frames The frames of one run.
 * @param bytes The answer's size.
 * @returns One entry per window that has frames.
 */
export function frameTimesOf(frames: readonly MarkdownFrame[], bytes: number): FrameTimes[] {
  return frameWindows(bytes).flatMap(window => {
    const times = frames
      .filter(frame => frame.length >= window.from && frame.length <= window.to)
      .map(frame => frame.ms);
    return times.length
      ? [{...window, frames: times.length, p50: quantileOf(times, 0.5), p95: quantileOf(times, 0.95)}]
      : [];
  });
}

/**
 * One renderer's row from its run.
 * @param renderer The renderer.
 * @param run What the page measured.
 * @param mainThreadSeconds The main thread's busy time over the run.
 * @param bytes The answer's size.
 * @param replay The same updates as llm-rx's, replayed, if they were.
 * @returns The row.
 */
export function markdownRow(
  renderer: MarkdownRendererName,
  run: MarkdownRunResult,
  mainThreadSeconds: number,
  bytes: number,
  replay?: MarkdownReplayResult,
): MarkdownRendererRow {
  return {
    renderer,
    frames: run.frames.length,
    frameTimes: frameTimesOf(run.frames, bytes),
    longTasks: run.longTasksMs.length,
    maxLongTaskMs: Math.max(0, ...run.longTasksMs),
    mainThreadSeconds,
    renderSeconds: run.frames.reduce((sum, frame) => sum + frame.ms, 0) / 1000,
    layoutSeconds: run.frames.reduce((sum, frame) => sum + frame.layoutMs, 0) / 1000,
    isSelectionKept: run.isSelectionKept,
    seconds: run.seconds,
    ...(replay && {replaySeconds: replay.estimatedMs / 1000, replayTimedUpdates: replay.timedUpdates}),
  };
}

/**
 * Checks that the renderers that ran show the same text at the end.
 * @param texts Each renderer's final text, whitespace collapsed.
 * @throws Error naming the first renderer that differs from the first one, and where.
 */
export function assertRenderersAgree(texts: readonly {renderer: MarkdownRendererName; text: string}[]): void {
  const [reference, ...others] = texts;
  if (!reference) return;
  for (const other of others) {
    if (other.text === reference.text) continue;
    let at = 0;
    while (at < other.text.length && other.text[at] === reference.text[at]) at++;
    throw new Error(
      `bench: markdown: ${other.renderer} ends with a text other than ${reference.renderer}'s, from character ${at}: ` +
        `${JSON.stringify(other.text.slice(at, at + 60))} against ${JSON.stringify(reference.text.slice(at, at + 60))}`,
    );
  }
}
