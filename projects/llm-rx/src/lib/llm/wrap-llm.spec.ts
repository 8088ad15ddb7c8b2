import {cascade, createLlmKeyFingerprint, isCascade, type Llm, type LlmChunk, type LlmRequest, wrapLlm} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {lastValueFrom, map, NEVER, Observable, toArray} from 'rxjs';

const request: LlmRequest = {userPrompt: 'Hello'};

describe('wrapLlm', () => {
  it('keeps provider, model and keyFingerprint', () => {
    const keyFingerprint = createLlmKeyFingerprint('sk-test-wrapped', 'team');
    const llm: Llm = Object.assign(new MockLlm({script: {}}), {keyFingerprint});
    const wrapped = wrapLlm(llm, (call, stream) => stream(call));
    expect([wrapped.provider, wrapped.model]).toEqual([llm.provider, llm.model]);
    expect(wrapped.keyFingerprint).toBe(keyFingerprint);
    // Through a wrapper of a wrapper too.
    expect(wrapLlm(wrapped, (call, stream) => stream(call)).keyFingerprint).toBe(keyFingerprint);
  });

  it('has no keyFingerprint, not even an undefined one, when the wrapped model has none', () => {
    const wrapped = wrapLlm(new MockLlm({script: {}}), (call, stream) => stream(call));
    expect('keyFingerprint' in wrapped).toBeFalse();
    expect(Object.keys({...wrapped})).not.toContain('keyFingerprint');
  });

  it('runs the wrapper at each subscription, not at stream()', async () => {
    const llm = new MockLlm({script: {chunks: ['Hi']}});
    let wrapperRuns = 0;
    const wrapped = wrapLlm(llm, (call, stream) => {
      wrapperRuns++;
      return stream(call);
    });
    const answer = wrapped.stream(request);
    expect([wrapperRuns, llm.subscriptions]).toEqual([0, 0]);
    await lastValueFrom(answer);
    await lastValueFrom(answer);
    expect([wrapperRuns, llm.subscriptions]).toEqual([2, 2]);
  });

  it('gives the wrapper the request and the inner stream, and the caller what the wrapper returns', async () => {
    const llm = new MockLlm({script: {chunks: ['a', 'b']}});
    let seen: LlmRequest | undefined;
    const wrapped = wrapLlm(llm, (call, stream) => {
      seen = call;
      return stream({...call, systemPrompt: 'Be brief.'}).pipe(
        map(chunk => (chunk.type === 'text-delta' ? {...chunk, text: chunk.text.toUpperCase()} : chunk)),
      );
    });
    const chunks = await lastValueFrom(wrapped.stream(request).pipe(toArray()));
    expect(seen).toBe(request);
    expect(llm.calls.map(call => [call.userPrompt, call.systemPrompt])).toEqual([['Hello', 'Be brief.']]);
    expect(chunks.filter(chunk => chunk.type === 'text-delta').map(chunk => chunk.text)).toEqual(['A', 'B']);
  });

  it('unsubscribing from the wrapped model unsubscribes from the inner stream', () => {
    let unsubscribed = false;
    const inner: Llm = {
      provider: 'p',
      model: 'm',
      stream: () =>
        new Observable<LlmChunk>(() => {
          return () => (unsubscribed = true);
        }),
    };
    const subscription = wrapLlm(inner, (call, stream) => stream(call))
      .stream(request)
      .subscribe();
    expect(unsubscribed).toBeFalse();
    subscription.unsubscribe();
    expect(unsubscribed).toBeTrue();
  });
});

describe('isCascade', () => {
  const child = () => new MockLlm({script: {}});

  it('is true for a cascade and for a wrapper of one', () => {
    const built = cascade([child(), child()]);
    expect(isCascade(built)).toBeTrue();
    const wrapped = wrapLlm(built, (call, stream) => stream(call));
    expect(isCascade(wrapped)).toBeTrue();
    expect(isCascade(wrapLlm(wrapped, (call, stream) => stream(call)))).toBeTrue();
  });

  it("is false for a provider's model and a wrapper of it", () => {
    expect(isCascade(child())).toBeFalse();
    expect(isCascade(wrapLlm(child(), (call, stream) => stream(call)))).toBeFalse();
  });

  it("is false for a hand-made model that only calls its provider 'cascade'", () => {
    const impostor: Llm = {provider: 'cascade', model: 'm', stream: () => NEVER};
    expect(isCascade(impostor)).toBeFalse();
    expect(isCascade(wrapLlm(impostor, (call, stream) => stream(call)))).toBeFalse();
  });
});
