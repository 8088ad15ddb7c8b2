// Fixtures of the cascade specs: the request, text chunks, provider errors and children that serve one observable.
import {type Llm, type LlmChunk, LlmProviderError} from 'llm-rx';
import {llmFromObservable} from 'llm-rx/testing';
import type {Observable} from 'rxjs';

/** The request the cascade specs stream. */
export const request = {userPrompt: 'Hello'};

/**
 * A text chunk.
 * @param value Its text.
 * @returns The chunk.
 */
export const text = (value: string): LlmChunk => ({type: 'text-delta', text: value});

/**
 * A provider's failure, as its adapter raises it.
 * @param provider The provider.
 * @param statusCode The HTTP status, or none.
 * @returns The error.
 */
export const providerError = (provider: string, statusCode?: number) =>
  new LlmProviderError(`${provider} failed with ${statusCode ?? 'no status'}`, {provider, statusCode});

/**
 * A child that serves the same observable at each subscription, so its `subscriptions` can be checked.
 * @param provider The child's provider; its model is `${provider}-model`.
 * @param source What each subscription gets.
 * @returns The child.
 */
export function child(provider: string, source: Observable<LlmChunk>): Llm {
  return llmFromObservable(provider, `${provider}-model`, () => source);
}
