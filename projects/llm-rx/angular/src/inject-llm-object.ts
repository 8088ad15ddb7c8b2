import {assertInInjectionContext, computed, inject, Injector, runInInjectionContext, type Signal} from '@angular/core';
import type {LlmDeepPartial, LlmObjectChunk, LlmOutput, LlmRequest, LlmUsage} from 'llm-rx';
import {LlmStream, type LlmStreamOptions} from './llm-stream';
import {_streamSignals, type LlmStreamStatus} from './stream-signals';

/** Options of `injectLlmObject()`. */
export interface InjectLlmObjectOptions<T> {
  /** The injector to use outside an injection context; its `DestroyRef` cancels the call. */
  readonly injector?: Injector;
  /** The object every `start()` asks for, unless its request gives its own `output`; it types the signals. */
  readonly output?: LlmOutput<T>;
}

/** The state of a streamed object as signals, and the functions that start and cancel it. */
export interface LlmObjectRef<T> {
  /**
   * The object so far: a new immutable value each time it grew, at most once per animation frame; every property
   * optional (`LlmDeepPartial`), not validated. At the end, the validated object.
   */
  readonly partial: Signal<LlmDeepPartial<T> | undefined>;
  /** The validated object, once the call is done; `undefined` before, and when it failed. */
  readonly object: Signal<T | undefined>;
  /** The raw JSON text so far, updated with `partial`. */
  readonly text: Signal<string>;
  /** The usage summary, once the call is done. */
  readonly usage: Signal<LlmUsage | undefined>;
  /** Whether the call is idle, streaming, done, failed or cancelled. */
  readonly status: Signal<LlmStreamStatus>;
  /**
   * The error that ended the call: an `LlmObjectError` (invalid JSON, or an object the schema refused, with the raw
   * text, the issues and the usage), an `LlmRefusalError`, an `LlmTruncationError`, or any stream error.
   */
  readonly error: Signal<unknown>;
  /**
   * Starts a call, cancelling the running one, and clears the previous object.
   * @param request What to ask; its `output` (or the one given to `injectLlmObject()`) says which object.
   * @param options The model to ask, as for `LlmStream.stream()`.
   */
  start(request: LlmRequest & {readonly output?: LlmOutput<T>}, options?: LlmStreamOptions): void;
  /** Cancels the running call (aborting its request), keeping the object so far; a no-op otherwise. */
  cancel(): void;
}

/** What the chunks so far add up to. */
interface ObjectSnapshot<T> {
  readonly partial: LlmDeepPartial<T> | undefined;
  readonly object: T | undefined;
  readonly text: string;
  readonly usage: LlmUsage | undefined;
}

const EMPTY_SNAPSHOT: ObjectSnapshot<never> = {partial: undefined, object: undefined, text: '', usage: undefined};

/**
 * Streams an object that matches a schema into signals, for forms and tables that fill in live, in OnPush and
 * zoneless components: `partial` grows (at most once per animation frame), then `object` holds the validated
 * value and `status` becomes `done`; a failure keeps the partial object and sets `error`. Call it in an injection
 * context, or pass `injector`; the running call is cancelled when that context is destroyed, and by `start()`.
 * @param options The object to ask for (it types the signals), and the injector outside an injection context.
 * @returns The signals and `start()`/`cancel()`.
 * @typeParam T The schema's type.
 *
 * @usageNotes
 * ```ts
 * const Contact = z.object({name: z.string(), email: z.string().email(), phones: z.array(z.string())});
 *
 * @Component({
 *   changeDetection: ChangeDetectionStrategy.OnPush,
 *   template: `
 *     <button (click)="contact.start({userPrompt: text})">Extract</button>
 *     <p>{{ contact.partial()?.name }} · {{ contact.partial()?.email }}</p>
 *     @if (contact.object(); as card) { <p>Valid: {{ card.name }} ({{ contact.usage()?.totalCost }} USD)</p> }
 *   `,
 * })
 * export class ContactCard {
 *   readonly contact = injectLlmObject({output: {schema: Contact, name: 'contact'}});
 * }
 * ```
 */
export function injectLlmObject<T = unknown>(options: InjectLlmObjectOptions<T> = {}): LlmObjectRef<T> {
  if (!options.injector) assertInInjectionContext(injectLlmObject);
  const injector = options.injector ?? inject(Injector);
  return runInInjectionContext(injector, () => {
    const llmStream = inject(LlmStream);
    const run = _streamSignals<ObjectSnapshot<T>, LlmObjectChunk<T>>(EMPTY_SNAPSHOT, addChunk);
    const start = (request: LlmRequest & {readonly output?: LlmOutput<T>}, streamOptions: LlmStreamOptions = {}) => {
      const output = request.output ?? options.output;
      // Without an output, streamObject() ends the call with an LlmInvalidRequestError naming it.
      run.start(() =>
        llmStream.streamObject<T>({...request, output} as LlmRequest & {output: LlmOutput<T>}, streamOptions),
      );
    };
    return {
      partial: computed(() => run.snapshot().partial),
      object: computed(() => run.snapshot().object),
      text: computed(() => run.snapshot().text),
      usage: computed(() => run.snapshot().usage),
      status: run.status,
      error: run.error,
      start,
      cancel: run.cancel,
    };
  });
}

function addChunk<T>(snapshot: ObjectSnapshot<T>, chunk: LlmObjectChunk<T>): ObjectSnapshot<T> {
  switch (chunk.type) {
    case 'text-delta':
      return {...snapshot, text: snapshot.text + chunk.text};
    case 'partial-object':
      return {...snapshot, partial: chunk.object};
    case 'object':
      return {...snapshot, partial: chunk.object as LlmDeepPartial<T>, object: chunk.object};
    case 'usage':
      return {...snapshot, usage: chunk.usage};
    default:
      return snapshot;
  }
}
