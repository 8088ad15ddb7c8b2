import type {LlmChunk, LlmRequest} from 'llm-rx';
import {of} from 'rxjs';
import {llmFromObservable} from './llm-from-observable';

describe('llmFromObservable', () => {
  it('reports the given provider and model', () => {
    const llm = llmFromObservable('openai', 'gpt-5-mini', () => of());
    expect(llm.provider).toBe('openai');
    expect(llm.model).toBe('gpt-5-mini');
  });

  it('calls the factory with the request at every subscription, not at stream()', () => {
    const requests: LlmRequest[] = [];
    const chunk: LlmChunk = {type: 'text-delta', text: 'Hi'};
    const llm = llmFromObservable('a', 'b', request => {
      requests.push(request);
      return of(chunk);
    });
    const request = {userPrompt: 'Hello'};
    const stream = llm.stream(request);
    expect(requests).toEqual([]);

    const seen: LlmChunk[] = [];
    stream.subscribe(value => seen.push(value));
    stream.subscribe(value => seen.push(value));
    expect(requests).toEqual([request, request]);
    expect(seen).toEqual([chunk, chunk]);
  });
});
