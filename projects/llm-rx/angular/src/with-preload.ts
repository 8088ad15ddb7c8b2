import {isPlatformServer} from '@angular/common';
import {DestroyRef, inject, PLATFORM_ID, provideEnvironmentInitializer} from '@angular/core';
import type {Llm} from 'llm-rx';
import {_isLlm} from './llm-models';
import {LlmStream, type LlmStreamOptions} from './llm-stream';
import type {LlmModelSpec} from './llm-tokens';
import type {LlmFeature} from './provide-llm';

/** How long the browser may stay busy before the preload runs anyway, milliseconds. */
const IDLE_TIMEOUT_MS = 2_000;

/**
 * Preloads models when the browser is first idle after the app starts: their providers' SDKs (each a lazily loaded
 * chunk) and, for named models, their clients, sending nothing (see `LlmStream.preload()`), so that the first
 * answer starts as fast as the second. Uses `requestIdleCallback` (with a 2 s timeout), or a timeout where the
 * browser has none; does nothing on the server. A model that cannot be preloaded (an unknown name, an SDK that
 * fails to load) is skipped, with a warning in dev mode: its first call reports the error as usual.
 * @param models The models to preload: configured names, `Llm`s or `{provider, model}` specs; none preloads the
 *   model of `withDefaults()`.
 * @returns The feature.
 *
 * ```ts
 * provideLlm(withProvider(openAiProvider, {baseURL: '/api/openai/v1'}), withPreload({provider: 'openai', model: 'gpt-5-mini'}));
 * ```
 */
export function withPreload(...models: (string | Llm | LlmModelSpec)[]): LlmFeature<'preload'> {
  // A copy, so that changing the caller's array later cannot change the configuration.
  const calls: LlmStreamOptions[] = models.length ? models.map(callOptionsOf) : [{}];
  return {ɵkind: 'preload', ɵproviders: [provideEnvironmentInitializer(() => preloadWhenIdle(calls))]};
}

function callOptionsOf(model: string | Llm | LlmModelSpec): LlmStreamOptions {
  return typeof model === 'string' || !_isLlm(model) ? {model} : {llm: model};
}

/** In the environment injector's context: schedules the preloads, cancelled if the injector is destroyed first. */
function preloadWhenIdle(calls: readonly LlmStreamOptions[]): void {
  if (isPlatformServer(inject(PLATFORM_ID))) return;
  const stream = inject(LlmStream);
  const cancel = whenIdle(() => {
    for (const options of calls) {
      stream.preload(options).catch((error: unknown) => {
        if (typeof ngDevMode === 'undefined' || ngDevMode) {
          console.warn('llm-rx: withPreload() could not preload a model:', (error as Error)?.message ?? error);
        }
      });
    }
  });
  inject(DestroyRef).onDestroy(cancel);
}

/**
 * Runs a callback when the browser is idle.
 * @param callback What to run.
 * @returns Cancels it.
 */
function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, {timeout: IDLE_TIMEOUT_MS});
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 1);
  return () => clearTimeout(handle);
}
