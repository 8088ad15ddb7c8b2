import {assertInInjectionContext, computed, inject, Injector, runInInjectionContext, type Signal} from '@angular/core';
import type {LlmChunk, LlmRequest, LlmUsage} from 'llm-rx';
import {type LlmRunToolsOptions, LlmStream, type LlmStreamOptions} from './llm-stream';
import {_streamSignals, type LlmStreamStatus} from './stream-signals';
import type {LlmToolCallState} from './tool-call-states';

export type {LlmStreamStatus} from './stream-signals';

/**
 * Options of `injectLlmStream()`. The model is chosen at each `start()`, so that one ref can ask different models;
 * a start that names none uses the model of `withDefaults()`.
 */
export interface InjectLlmStreamOptions {
  /** The injector to use outside an injection context; its `DestroyRef` cancels the call. */
  readonly injector?: Injector;
}

/** The state of a streamed answer as signals, and the functions that start and cancel it. */
export interface LlmStreamRef {
  /** The answer's text so far; updated at most once per animation frame. */
  readonly text: Signal<string>;
  /** The model's reasoning so far, for models that stream it; updated with `text`. */
  readonly reasoning: Signal<string>;
  /**
   * The tool calls the answer made, in the order they started, updated with `text`: each with its arguments so
   * far, its status and, in a `runTools()` loop, its result. Each update is a new list, in which only the calls
   * that changed are new objects.
   */
  readonly toolCalls: Signal<readonly LlmToolCallState[]>;
  /** The usage summary, once the call is done; for `runTools()`, the whole loop's, with `usage.steps`. */
  readonly usage: Signal<LlmUsage | undefined>;
  /** Whether the call is idle, streaming, done, failed or cancelled. */
  readonly status: Signal<LlmStreamStatus>;
  /** The error that ended the call, when `status` is `error` (or an `LlmAbortError` for an abort through `signal`). */
  readonly error: Signal<unknown>;
  /**
   * Starts a call, cancelling the running one, and clears the previous answer.
   * @param request What to ask; fields it leaves out are taken from `withDefaults({request})`.
   * @param options The model to ask, as for `LlmStream.stream()`; default: the model of `withDefaults()`.
   */
  start(request: LlmRequest, options?: LlmStreamOptions): void;
  /**
   * Starts a tool loop (`LlmStream.runTools()`), cancelling the running call, and clears the previous answer:
   * `text` is every step's text, `toolCalls` shows each call running, then done with its result.
   * @param request The first request, with `tools`.
   * @param options The model to ask, as for `start()`, and the loop's options (`maxSteps`, `stopWhen`, …).
   */
  runTools(request: LlmRequest, options?: LlmRunToolsOptions): void;
  /** Cancels the running call (aborting its request) and keeps the text received so far; a no-op otherwise. */
  cancel(): void;
}

/** What the chunks so far add up to. */
interface Snapshot {
  readonly text: string;
  readonly reasoning: string;
  readonly usage: LlmUsage | undefined;
}

const EMPTY_SNAPSHOT: Snapshot = {text: '', reasoning: '', usage: undefined};

/**
 * Streams answers into signals, for templates of OnPush and zoneless components.
 *
 * Call it in an injection context (a field initializer or constructor), or pass `injector`. Each `start()` names
 * the model it asks (or uses the default of `withDefaults()`), so one ref can ask different models in turn. A
 * running call is cancelled when that context is destroyed, and when `start()` or `runTools()` is called again.
 * `text`, `reasoning` and `toolCalls` change at most once per tick of `LLM_SCHEDULER` (once per animation frame
 * in the browser); the final ones are always set before `status` becomes `done`, and the ones so far are kept on
 * error and cancel.
 * @param options The injector, outside an injection context.
 * @returns The signals and `start()`/`runTools()`/`cancel()`.
 *
 * @usageNotes
 * ```ts
 * @Component({
 *   changeDetection: ChangeDetectionStrategy.OnPush,
 *   template: `
 *     <button (click)="answer.start({userPrompt: 'Write a haiku.'}, {model: 'fast'})">Ask</button>
 *     @if (answer.status() === 'streaming') { <button (click)="answer.cancel()">Stop</button> }
 *     <p>{{ answer.text() }}</p>
 *     @if (answer.usage(); as usage) { <small>{{ usage.totalCost }} USD</small> }
 *   `,
 * })
 * export class Haiku {
 *   readonly answer = injectLlmStream();
 * }
 * ```
 *
 * With tools, `runTools()` runs the loop and `toolCalls` shows each call as its arguments stream and its tool runs:
 * ```ts
 * // this.answer.runTools({userPrompt: 'What time is it in Tokyo?', tools: [clock]}, {maxSteps: 3});
 * @for (call of answer.toolCalls(); track call.toolCallId) {
 *   <p>{{ call.toolName }}({{ call.argumentsText }}): {{ call.status }} {{ call.result }}</p>
 * }
 * ```
 */
export function injectLlmStream(options: InjectLlmStreamOptions = {}): LlmStreamRef {
  if (!options.injector) assertInInjectionContext(injectLlmStream);
  const injector = options.injector ?? inject(Injector);
  return runInInjectionContext(injector, () => {
    const llmStream = inject(LlmStream);
    const run = _streamSignals(EMPTY_SNAPSHOT, addChunk);
    return {
      text: computed(() => run.snapshot().text),
      reasoning: computed(() => run.snapshot().reasoning),
      toolCalls: run.toolCalls,
      usage: computed(() => run.snapshot().usage),
      status: run.status,
      error: run.error,
      start: (request: LlmRequest, options: LlmStreamOptions = {}) =>
        run.start(() => llmStream.stream(request, options)),
      runTools: (request: LlmRequest, options: LlmRunToolsOptions = {}) =>
        run.start(() => llmStream.runTools(request, options), {toolLoop: true}),
      cancel: run.cancel,
    };
  });
}

function addChunk(snapshot: Snapshot, chunk: LlmChunk): Snapshot {
  switch (chunk.type) {
    case 'text-delta':
      return {...snapshot, text: snapshot.text + chunk.text};
    case 'reasoning-delta':
      return {...snapshot, reasoning: snapshot.reasoning + chunk.text};
    case 'usage':
      return {...snapshot, usage: chunk.usage};
    default:
      return snapshot;
  }
}
