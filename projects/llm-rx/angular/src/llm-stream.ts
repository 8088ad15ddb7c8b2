import {isPlatformServer} from '@angular/common';
import {inject, Injectable, Injector, PLATFORM_ID} from '@angular/core';
import {accumulatedText, type Llm, type LlmChunk, type LlmRequest} from 'llm-rx';
import {defaultIfEmpty, defer, type Observable} from 'rxjs';
import {_latestPerFrame} from './latest-per-frame';
import {_LlmModels} from './llm-models';
import {LLM_DEFAULT_OPTIONS, LLM_SCHEDULER, _LLM_LOGGING, type LlmRequestDefaults} from './llm-tokens';

/** Which model a call of `LlmStream` uses. */
export interface LlmStreamOptions {
  /** A name given to `withModel()` or `withCascade()`; default: the model of `withDefaults()`. */
  readonly model?: string;
  /** A model to use as is (with the configured retry and logging), instead of a named one. */
  readonly llm?: Llm;
}

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
   * @param options The named model or the `Llm` to use; default: the model of `withDefaults()`.
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
   * @param options The named model or the `Llm` to use.
   * @returns The text received so far, then completion or the stream's error.
   */
  text(request: LlmRequest, options: LlmStreamOptions = {}): Observable<string> {
    return this.stream(request, options).pipe(accumulatedText(), defaultIfEmpty(''), _latestPerFrame(this._scheduler));
  }

  private _llm(options: LlmStreamOptions): Llm {
    const llm = options.llm ? this._models.retried(options.llm) : this._models.get(options.model);
    if (this._isServer) return llm;
    // Looked up at the first call, so that the log is made only when (and where) it is used.
    const logging = this._injector.get(_LLM_LOGGING, null);
    return logging ? logging.wrap(llm) : llm;
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
  const merged: Record<string, unknown> = {...defaults};
  for (const [key, value] of Object.entries(request)) {
    if (value !== undefined) merged[key] = value;
  }
  if (defaults.headers && request.headers) merged['headers'] = {...defaults.headers, ...request.headers};
  return merged as LlmRequest;
}
