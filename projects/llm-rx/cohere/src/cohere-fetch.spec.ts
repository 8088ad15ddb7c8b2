import {CohereError, CohereTimeoutError} from 'cohere-ai';
import {LlmProviderError, mapProviderError} from 'llm-rx';
import {mapCohereError} from './cohere-errors';
import {createCohereFetch} from './cohere-fetch';

/** What llm-rx makes of the body's failure: Node hands on the CohereError, Chromium a network TypeError. */
function mappedFailureOf(failure: unknown): LlmProviderError {
  const context = {provider: 'cohere', model: 'command-a', sdk: {CohereError, CohereTimeoutError}};
  const mapped = mapProviderError(failure, context, caught => mapCohereError(caught, context));
  expect(LlmProviderError.isInstance(mapped)).withContext(String(mapped)).toBeTrue();
  return mapped as LlmProviderError;
}

describe('createCohereFetch', () => {
  const cohereFetch = createCohereFetch({CohereError});

  it('hands on what the global fetch answers, read at each call', async () => {
    const answer = new Response('data: {}\n\n', {status: 429});
    const fetchSpy = spyOn(globalThis, 'fetch').and.resolveTo(answer);
    const init: RequestInit = {method: 'POST', body: '{}'};

    expect(await cohereFetch('https://api.cohere.com/v2/chat', init)).toBe(answer);
    expect(fetchSpy).toHaveBeenCalledOnceWith('https://api.cohere.com/v2/chat', init);
  });

  it('resolves a failed fetch, with a body that fails with the CohereError the SDK throws for it', async () => {
    const cause = new TypeError('fetch failed');
    spyOn(globalThis, 'fetch').and.rejectWith(cause);

    const response = await cohereFetch('http://127.0.0.1:1/v2/chat');

    expect(response.status).toBe(200);
    const failure: unknown = await response.text().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).withContext('the body fails').toBeDefined();
    if (failure instanceof CohereError) {
      expect(failure.statusCode).toBeUndefined();
      expect(failure.message).toContain('fetch failed');
      expect(failure.cause).toBe(cause);
    }
    expect(mappedFailureOf(failure)).toEqual(jasmine.objectContaining({kind: 'connection', isRetryable: true}));
  });

  it('resolves an aborted fetch too: the SDK clears its timer only when fetch resolves', async () => {
    const controller = new AbortController();
    controller.abort();

    const response = await cohereFetch('http://127.0.0.1:1/v2/chat', {signal: controller.signal});

    const failure: unknown = await response.text().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(mappedFailureOf(failure).kind).toBe('connection');
  });
});
