import {defer, type Observable} from 'rxjs';
import type {LlmChunk} from '../chunk/llm-chunk';
import type {LlmKeyFingerprint} from '../key/llm-key-fingerprint';
import type {LlmRequest} from '../request/llm-request';
import type {Llm} from './llm';
import {preloadLlm} from './preload-llm';

const CASCADE_MARKER = Symbol.for('llm-rx.cascade');

/**
 * What a wrapper does to the calls of the model it wraps: given the request and the wrapped model's `stream`,
 * returns the stream the caller gets. Call `stream` with the request as it is or changed (e.g. with an
 * `onAttempt` hook of your own), and pipe what it returns.
 */
export type LlmStreamWrapper = (
  request: LlmRequest,
  stream: (request: LlmRequest) => Observable<LlmChunk>,
) => Observable<LlmChunk>;

/**
 * Wraps a model's calls, keeping what identifies it: `provider`, `model`, `keyFingerprint`, whether it is a
 * cascade (`isCascade()`), and its `preload()` (see `preloadLlm()`). The one way llm-rx itself makes a model out of another (retries in `llm-rx/angular`,
 * `loggedLlm()` in `llm-rx/logging`); use it for your own middleware too. The wrapper runs at each subscription,
 * so the result is as cold as the model it wraps.
 *
 * ```ts
 * const retried = wrapLlm(llm, (request, stream) => stream(request).pipe(retryBeforeFirstChunk({maxRetries: 2})));
 * const tagged = wrapLlm(llm, (request, stream) => stream({...request, headers: {...request.headers, 'x-app': 'chat'}}));
 * ```
 * @param llm The model to wrap; a cascade or another wrapper included.
 * @param wrap What to do with each call.
 * @returns A model with the same identity whose calls go through `wrap`.
 */
export function wrapLlm(llm: Llm, wrap: LlmStreamWrapper): Llm {
  const stream = (request: LlmRequest) => llm.stream(request);
  return new WrappedLlm(
    llm.provider,
    llm.model,
    llm.keyFingerprint,
    isCascade(llm),
    request => defer(() => wrap(request, stream)),
    () => preloadLlm(llm),
  );
}

/**
 * Whether a model is a cascade (made by `cascade()`), or a wrapper of one (made by `wrapLlm()`): a marker, never
 * the provider's name, says so.
 * @param llm The model.
 * @returns Whether its calls fail over between children.
 */
export function isCascade(llm: Llm): boolean {
  return (llm as unknown as Record<symbol, unknown>)[CASCADE_MARKER] === true;
}

/**
 * The model of a cascade, marked as one.
 * @internal For `cascade()`: its `provider` is `cascade`, its `model` the first child's, and it has no
 * `keyFingerprint` (its children may use different keys).
 * @param model The first child's model id.
 * @param stream The cascade's calls.
 * @param children The cascade's models, each preloaded by the cascade's `preload()`.
 * @returns The cascade's model.
 */
export function _cascadeLlm(
  model: string,
  stream: (request: LlmRequest) => Observable<LlmChunk>,
  children: readonly Llm[],
): Llm {
  return new WrappedLlm('cascade', model, undefined, true, stream, () =>
    // Every child, at once: a failover must not wait for its fallback's SDK either.
    Promise.all(children.map(child => preloadLlm(child))).then(() => undefined),
  );
}

/** A model made of another one's calls (or of a cascade's children). */
class WrappedLlm implements Llm {
  readonly [CASCADE_MARKER]: boolean;
  declare readonly keyFingerprint?: LlmKeyFingerprint;

  constructor(
    readonly provider: string,
    readonly model: string,
    keyFingerprint: LlmKeyFingerprint | undefined,
    isCascadeModel: boolean,
    readonly stream: (request: LlmRequest) => Observable<LlmChunk>,
    readonly preload: () => Promise<void>,
  ) {
    // Only when there is one, so that `'keyFingerprint' in llm` and spreads say the same as the wrapped model.
    if (keyFingerprint !== undefined) this.keyFingerprint = keyFingerprint;
    this[CASCADE_MARKER] = isCascadeModel;
  }
}
