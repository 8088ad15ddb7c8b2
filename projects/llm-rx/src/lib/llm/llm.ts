import type {Observable} from 'rxjs';
import type {LlmChunk} from '../chunk/llm-chunk';
import type {LlmKeyFingerprint} from '../key/llm-key-fingerprint';
import type {LlmRequest} from '../request/llm-request';

/**
 * A model of a provider that streams answers.
 *
 * `stream()` returns a cold Observable: nothing is sent until subscription, every subscription sends its own
 * request, and unsubscribing aborts it.
 */
export interface Llm {
  /** The provider's name, e.g. `openai`, or `cascade`. */
  readonly provider: string;
  /** The model id, e.g. `gpt-5-mini`. */
  readonly model: string;
  /**
   * The API key's alias and fingerprint, for logs; never the key. Set by adapters built with
   * `defineLlmProvider()`; a cascade has none (its children may use different keys).
   */
  readonly keyFingerprint?: LlmKeyFingerprint;
  /**
   * Streams the answer to a request.
   * @param request What to ask.
   * @returns Content chunks as they arrive, then exactly one usage part, then completion.
   */
  stream(request: LlmRequest): Observable<LlmChunk>;
  /**
   * Loads what the first call needs (the provider's SDK, the model's client) without sending anything, so that
   * the first answer starts as fast as the second. Implemented by `defineLlmProvider()`'s models, forwarded by
   * `wrapLlm()` and `cascade()`; optional for models of your own. Call it through `preloadLlm()`, which also
   * accepts models without it.
   * @returns Resolves once loaded; idempotent.
   */
  preload?(): Promise<void>;
}
