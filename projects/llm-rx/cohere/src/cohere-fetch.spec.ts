import {CohereError} from 'cohere-ai';
import {createCohereFetch} from './cohere-fetch';

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
    expect(failure).toBeInstanceOf(CohereError);
    expect((failure as CohereError).statusCode).toBeUndefined();
    expect((failure as CohereError).message).toContain('fetch failed');
    expect((failure as CohereError).cause).toBe(cause);
  });

  it('resolves an aborted fetch too: the SDK clears its timer only when fetch resolves', async () => {
    const controller = new AbortController();
    controller.abort();

    const response = await cohereFetch('http://127.0.0.1:1/v2/chat', {signal: controller.signal});

    await expectAsync(response.text()).toBeRejectedWithError(CohereError);
  });
});
