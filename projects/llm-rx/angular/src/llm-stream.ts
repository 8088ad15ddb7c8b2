import {isPlatformServer} from '@angular/common';
import {inject, Injectable, Injector, PLATFORM_ID} from '@angular/core';
import {
  accumulatedText,
  definedFields,
  type Llm,
  type LlmChunk,
  LlmConfigurationError,
  type LlmDeepPartial,
  type LlmObjectChunk,
  type LlmObjectRequest,
  type LlmRequest,
  type LlmToolLoopOptions,
  mergeHeaders,
  objectSnapshots,
  preloadLlm,
  runTools,
  streamObject,
} from 'llm-rx';
import {defaultIfEmpty, defer, type Observable} from 'rxjs';
import {_latestPerFrame} from './latest-per-frame';
import {_LlmModels} from './llm-models';
import {
  LLM_DEFAULT_OPTIONS,
  LLM_SCHEDULER,
  _LLM_LOGGING,
  type LlmModelSpec,
  type LlmRequestDefaults,
} from './llm-tokens';
import {_LLM_TELEMETRY} from './with-telemetry';

/**
 * Which model a call of `LlmStream` (or a `start()` of `injectLlmStream()`) uses: one of `model`, `llm` and
 * `cascade`, or none for the model of `withDefaults()`. Whichever it is, the call gets the configured retry and
 * logging.
 */
export interface LlmStreamOptions {
  /**
   * A name given to `withModel()` or `withCascade()`; or a model chosen at run time, `{provider, model, options}`,
   * created for this call as `withModel()` creates one (through `withProvider()`, the spec's options over the
   * provider's), e.g. from settings the user edits.
   */
  readonly model?: string | LlmModelSpec;
  /**
   * A model of your own, used as is, with the configured retry. A cascade given here is not retried as a whole,
   * and its children are not retried either: give them as `cascade` to have them retried.
   */
  readonly llm?: Llm;
  /**
   * A cascade chosen at run time, made for this call as `withCascade()` makes one: names, `Llm`s or specs, most
   * preferred first, each retried before the cascade moves on (see `cascade()` for the failover policy).
   */
  readonly cascade?: readonly (string | Llm | LlmModelSpec)[];
}

/**
 * Options of `LlmStream.runTools()`: the model, as for every call of `LlmStream`, and how the loop runs (step
 * limit, stop condition, concurrency, tool error policy; see `runTools()` in `llm-rx`).
 */
export interface LlmRunToolsOptions extends LlmStreamOptions, LlmToolLoopOptions {}

/**
 * Streams answers from the models `provideLlm()` configured, with its request defaults, retry and logging.
 *
 * Every method returns a cold Observable: the call starts at subscription and unsubscribing aborts it.
 *
 * ```ts
 * @Component({
 *   changeDetection: ChangeDetectionStrategy.OnPush,
 *   imports: [AsyncPipe],
 *   template: `<p>{{ answer | async }}</p>`,
 * })
 * export class Haiku {
 *   readonly answer = inject(LlmStream).text({userPrompt: 'Write a haiku.'}, {model: 'fast'});
 * }
 * ```
 */
@Injectable({providedIn: 'root'})
export class LlmStream {
  private readonly _models = inject(_LlmModels);
  private readonly _defaults = inject(LLM_DEFAULT_OPTIONS);
  private readonly _scheduler = inject(LLM_SCHEDULER);
  private readonly _injector = inject(Injector);
  // The server has no IndexedDB to log into.
  private readonly _isServer = isPlatformServer(inject(PLATFORM_ID));

  /**
   * Streams the answer to a request.
   * @param request What to ask; fields it leaves out are taken from `withDefaults({request})`.
   * @param options The model to use (a name, a spec, an `Llm` or a cascade); default: the model of `withDefaults()`.
   * @returns Content chunks, then one usage part, then completion; a configuration error is a stream error.
   */
  stream(request: LlmRequest, options: LlmStreamOptions = {}): Observable<LlmChunk> {
    // Resolved at subscription, so that a configuration error reaches the subscriber like any other.
    return defer(() => this._llm(options).stream(withRequestDefaults(request, this._defaults.request)));
  }

  /**
   * Streams the answer's text as it grows, for the `async` pipe or `toSignal()`: at most one emission per tick of
   * `LLM_SCHEDULER` (per animation frame in the browser), so thousands of chunks a second cost one view update
   * per frame. The full text is always emitted before completion (`''` for an answer without text).
   * @param request What to ask.
   * @param options The model to use, as for `stream()`.
   * @returns The text received so far, then completion or the stream's error.
   */
  text(request: LlmRequest, options: LlmStreamOptions = {}): Observable<string> {
    return this.stream(request, options).pipe(accumulatedText(), defaultIfEmpty(''), _latestPerFrame(this._scheduler));
  }

  /**
   * Streams an object that matches `request.output`'s schema (see `streamObject()` in `llm-rx`): the raw JSON as
   * `text-delta` parts, the growing object as `partial-object` parts, one validated `object` part, then the usage.
   * @param request What to ask, with `output: {schema, name?, description?}`.
   * @param options The model to use, as for `stream()`.
   * @returns The typed object stream; an object that is not valid ends it with an `LlmObjectError`.
   * @typeParam T The schema's type.
   */
  streamObject<T>(request: LlmObjectRequest<T>, options: LlmStreamOptions = {}): Observable<LlmObjectChunk<T>> {
    return defer(() =>
      streamObject(this._llm(options), withRequestDefaults(request, this._defaults.request) as LlmObjectRequest<T>),
    );
  }

  /**
   * Streams the object as it grows, for the `async` pipe or `toSignal()`, paced like `text()`: at most one
   * emission per tick of `LLM_SCHEDULER`. Each value is a new immutable object (deep partial, not validated); the
   * last one, emitted before completion, is the validated object.
   * @param request What to ask, with `output`.
   * @param options The model to use, as for `stream()`.
   * @returns The object so far, then completion or the stream's error.
   * @typeParam T The schema's type.
   *
   * ```ts
   * readonly contact = inject(LlmStream).object({userPrompt: text, output: {schema: Contact}});
   * // template: @if (contact | async; as card) { <p>{{ card.name }}</p> }
   * ```
   */
  object<T>(request: LlmObjectRequest<T>, options: LlmStreamOptions = {}): Observable<LlmDeepPartial<T>> {
    return this.streamObject(request, options).pipe(objectSnapshots<T>(), _latestPerFrame(this._scheduler));
  }

  /**
   * Runs a conversation with tools (see `runTools()` in `llm-rx`): each step is a call of the chosen model with
   * the request defaults, retry and logging `stream()` applies (one log row per step, linked by its loop), the
   * tools' `execute` run between the steps, until the model answers without tools, `stopWhen` says so, or
   * `maxSteps` is reached.
   * @param request The first request, with `tools`; fields it leaves out are taken from `withDefaults({request})`.
   * @param options The model to use, as for `stream()`, and the loop's options.
   * @returns Every step's parts, a `tool-result` part per call that ran, a `step-finish` part per step, then one
   *   usage part for the whole loop (with `usage.steps`); a configuration error is a stream error.
   *
   * ```ts
   * const clock = llmTool({
   *   name: 'current_time',
   *   description: 'The time now in an IANA time zone.',
   *   inputSchema: z.object({timeZone: z.string()}),
   *   execute: ({timeZone}) => new Date().toLocaleTimeString('en', {timeZone}),
   * });
   * inject(LlmStream).runTools({userPrompt: 'What time is it in Tokyo?', tools: [clock]}, {maxSteps: 3});
   * ```
   */
  runTools(request: LlmRequest, options: LlmRunToolsOptions = {}): Observable<LlmChunk> {
    const {model, llm, cascade, ...loop} = options;
    return defer(() =>
      this._runTools(this._logged({model, llm, cascade}), withRequestDefaults(request, this._defaults.request), loop),
    );
  }

  /**
   * Loads, ahead of a call, what the model of these options needs at its first call (its provider's SDK, and for
   * a named model its client; every child of a cascade), sending nothing (see `preloadLlm()` in `llm-rx`): e.g.
   * when the prompt field gets focus, so that the first answer starts as fast as the second. Idempotent; a no-op
   * on the server. `withPreload()` does the same when the browser is idle.
   *
   * ```ts
   * <textarea (focus)="llm.preload({model: 'fast'})"></textarea>
   * ```
   * @param options The model the call will use, as for `stream()`; default: the model of `withDefaults()`.
   * @returns Resolves once loaded.
   * @throws LlmConfigurationError (as a rejection) for an unknown model name, or a provider's SDK that cannot be
   *   loaded (naming the package to install).
   */
  preload(options: LlmStreamOptions = {}): Promise<void> {
    if (this._isServer) return Promise.resolve();
    // Not through the logging wrapper: nothing is logged, and the log is made only at the first call.
    return (async () => preloadLlm(this._chosen(options)))();
  }

  /** The model the options name, logged and traced as configured. */
  private _llm(options: LlmStreamOptions): Llm {
    const logged = this._logged(options);
    const telemetry = this._injector.get(_LLM_TELEMETRY, null);
    return telemetry ? telemetry.traceLlm(logged) : logged;
  }

  /** A tool loop, traced as configured: the telemetry traces the steps itself, so it gets the model untraced. */
  private _runTools(llm: Llm, request: LlmRequest, options: LlmToolLoopOptions): Observable<LlmChunk> {
    const telemetry = this._injector.get(_LLM_TELEMETRY, null);
    return telemetry ? telemetry.runTools(llm, request, options) : runTools(llm, request, options);
  }

  /** The model the options name, logged as configured (in the browser only). */
  private _logged(options: LlmStreamOptions): Llm {
    const llm = this._chosen(options);
    if (this._isServer) return llm;
    // Looked up at the first call, so that the log is made only when (and where) it is used.
    const logging = this._injector.get(_LLM_LOGGING, null);
    return logging ? logging.wrap(llm) : llm;
  }

  /** The model the options name, retried as configured. */
  private _chosen({model, llm, cascade}: LlmStreamOptions): Llm {
    if ([model, llm, cascade].filter(given => given !== undefined).length > 1) {
      throw new LlmConfigurationError('llm-rx: LlmStream got more than one of model, llm and cascade; give one.', {
        field: 'options',
      });
    }
    if (cascade !== undefined) return this._models.cascade(cascade);
    return llm === undefined ? this._models.get(model) : this._models.resolve(llm);
  }
}

/**
 * A request with the defaults filled in where it has no value; headers are merged, the request's winning.
 * @param request The call's request.
 * @param defaults The defaults of `withDefaults({request})`.
 * @returns The request to send.
 */
function withRequestDefaults(request: LlmRequest, defaults: LlmRequestDefaults | undefined): LlmRequest {
  if (!defaults) return request;
  const headers = mergeHeaders(defaults.headers, request.headers);
  return {...defaults, ...definedFields(request), ...definedFields({headers})};
}
