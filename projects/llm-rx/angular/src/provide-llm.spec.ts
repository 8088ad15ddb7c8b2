import {createEnvironmentInjector, EnvironmentInjector, inject, provideZonelessChangeDetection} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {collectResponse, type Llm, LlmConfigurationError, LlmProviderError, registerLlmProvider, wrapLlm} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {firstValueFrom, lastValueFrom, toArray} from 'rxjs';
import {recordingProvider} from '@llm-rx/spec-support';
import {LLM_DEFAULT_OPTIONS} from './llm-tokens';
import {LlmStream, type LlmStreamOptions} from './llm-stream';
import {
  type LlmFeature,
  provideLlm,
  withCascade,
  withDefaults,
  withLogging,
  withModel,
  withProvider,
  withRetry,
} from './provide-llm';

function setUp(...features: LlmFeature[]): LlmStream {
  TestBed.configureTestingModule({providers: [provideZonelessChangeDetection(), provideLlm(...features)]});
  return TestBed.inject(LlmStream);
}

function answer(stream: LlmStream, options: LlmStreamOptions = {}): Promise<string> {
  return firstValueFrom(stream.stream({userPrompt: 'Hi'}, options).pipe(collectResponse())).then(
    response => response.content,
  );
}

function streamError(stream: LlmStream, options: {model?: string} = {}): Promise<unknown> {
  return lastValueFrom(stream.stream({userPrompt: 'Hi'}, options)).then(
    () => fail('expected an error'),
    (error: unknown) => error,
  );
}

const overloaded = () => new LlmProviderError('overloaded', {provider: 'primary', statusCode: 503});

describe('provideLlm', () => {
  it('streams from a named model given as an Llm', async () => {
    const fast = new MockLlm({model: 'fast-model', script: {chunks: ['Hel', 'lo']}});
    const stream = setUp(withModel('fast', fast), withModel('slow', new MockLlm({script: {chunks: ['no']}})));
    expect(await answer(stream, {model: 'fast'})).toBe('Hello');
    expect(fast.calls).toEqual([{userPrompt: 'Hi'}]);
  });

  it('creates a model spec through withProvider(), with default, provider and model options in that order', async () => {
    const provider = recordingProvider('acme');
    const stream = setUp(
      withProvider(provider, {baseURL: '/api/acme', apiKeyAlias: 'proxy', idleTimeoutMs: 5000}),
      withDefaults({firstChunkTimeoutMs: 1000, idleTimeoutMs: 2000}),
      withModel('big', {provider: 'acme', model: 'acme-big', options: {apiKeyAlias: 'team'}}),
    );
    expect(await answer(stream, {model: 'big'})).toBe('acme/acme-big');
    expect(await answer(stream, {model: 'big'})).toBe('acme/acme-big');
    // Created once and kept, so that the SDK client is made once.
    expect(provider.created).toEqual([
      {
        model: 'acme-big',
        options: {firstChunkTimeoutMs: 1000, idleTimeoutMs: 5000, baseURL: '/api/acme', apiKeyAlias: 'team'},
      },
    ]);
  });

  it('falls back to the global provider registry for a provider not given to withProvider()', async () => {
    const unregister = registerLlmProvider(recordingProvider('global-test'));
    try {
      const stream = setUp(withModel('m', {provider: 'global-test', model: 'g1'}));
      expect(await answer(stream, {model: 'm'})).toBe('global-test/g1');
    } finally {
      unregister();
    }
  });

  it('fails over in a named cascade before the first chunk', async () => {
    const primary = new MockLlm({provider: 'primary', script: {error: overloaded()}});
    const fallback = new MockLlm({provider: 'fallback', script: {chunks: ['from fallback']}});
    const stream = setUp(withModel('fallback', fallback), withCascade('robust', [primary, 'fallback']));
    const response = await firstValueFrom(stream.stream({userPrompt: 'Hi'}, {model: 'robust'}).pipe(collectResponse()));
    expect(response.content).toBe('from fallback');
    expect(response.usage.attempts.map(attempt => [attempt.provider, attempt.outcome])).toEqual([
      ['primary', 'error'],
      ['fallback', 'ok'],
    ]);
    expect([primary.subscriptions, fallback.subscriptions]).toEqual([1, 1]);
  });

  it('retries each model of a cascade with withRetry() before failing over', async () => {
    const primary = new MockLlm({provider: 'primary', script: {error: overloaded()}});
    const fallback = new MockLlm({provider: 'fallback', script: {chunks: ['ok']}});
    const stream = setUp(
      withCascade('robust', [primary, fallback]),
      withRetry({count: 2, initialDelayMs: 1, jitter: false}),
    );
    expect(await answer(stream, {model: 'robust'})).toBe('ok');
    expect(primary.subscriptions).toBe(3);
    expect(fallback.subscriptions).toBe(1);
  });

  it('resolves named cascades inside cascades', async () => {
    const a = new MockLlm({provider: 'a', script: {error: overloaded()}});
    const b = new MockLlm({provider: 'b', script: {chunks: ['from b']}});
    const c = new MockLlm({provider: 'c', script: {chunks: ['from c']}});
    const stream = setUp(withModel('a', a), withCascade('inner', ['a', b]), withCascade('outer', ['inner', c]));
    expect(await answer(stream, {model: 'outer'})).toBe('from b');
    expect([a.subscriptions, b.subscriptions, c.subscriptions]).toEqual([1, 1, 0]);
  });

  it('reports a cascade that contains itself', async () => {
    const stream = setUp(withCascade('loop', ['other']), withCascade('other', ['loop']));
    const error = await streamError(stream, {model: 'loop'});
    expect(LlmConfigurationError.isInstance(error)).toBeTrue();
    expect((error as Error).message).toContain('contains itself');
  });

  it('uses the default named model and fills in the request defaults', async () => {
    const fast = new MockLlm({script: {chunks: ['ok']}});
    const stream = setUp(
      withModel('fast', fast),
      withDefaults({
        model: 'fast',
        request: {systemPrompt: 'Be brief.', temperature: 0.2, headers: {'x-app': 'demo', 'x-tier': 'free'}},
      }),
    );
    await lastValueFrom(
      stream.stream({userPrompt: 'Hi', temperature: 1, maxTokens: undefined, headers: {'x-tier': 'paid'}}),
    );
    expect(fast.calls).toEqual([
      {
        systemPrompt: 'Be brief.',
        temperature: 1,
        headers: {'x-app': 'demo', 'x-tier': 'paid'},
        userPrompt: 'Hi',
      },
    ]);
  });

  it('creates the default model from withDefaults({provider, model})', async () => {
    const provider = recordingProvider('acme');
    const stream = setUp(withProvider(provider), withDefaults({provider: 'acme', model: 'acme-small'}));
    expect(await answer(stream)).toBe('acme/acme-small');
    expect(await answer(stream)).toBe('acme/acme-small');
    expect(provider.created.length).toBe(1);
  });

  it('errors in the stream, not at the call, when no model is named and no default is set', async () => {
    const stream = setUp();
    const calling = stream.stream({userPrompt: 'Hi'});
    const error = await lastValueFrom(calling).catch((caught: unknown) => caught);
    expect(LlmConfigurationError.isInstance(error)).toBeTrue();
    expect((error as Error).message).toContain('no model was named and no default is set');
  });

  it('lists the configured names when a name is unknown', async () => {
    const stream = setUp(withModel('b', new MockLlm({script: {}})), withModel('a', new MockLlm({script: {}})));
    const error = await streamError(stream, {model: 'c'});
    expect(LlmConfigurationError.isInstance(error)).toBeTrue();
    expect((error as Error).message).toContain('no model or cascade is named "c". Configured: a, b.');
  });

  it('uses a given Llm as is, with the configured retry', async () => {
    const flaky = new MockLlm({script: [{error: overloaded()}, {chunks: ['second try']}]});
    const stream = setUp(withRetry({count: 1, initialDelayMs: 1}));
    expect(await answer(stream, {llm: flaky})).toBe('second try');
    expect(flaky.subscriptions).toBe(2);
  });

  it('wraps each call with the logging wrapper, its options made once at first use in the injection context', async () => {
    const fast = new MockLlm({script: {chunks: ['ok']}});
    const wrapped: Llm[] = [];
    let optionsMade = 0;
    const label = (llm: Llm, options: {readonly label: string}): Llm => {
      wrapped.push(llm);
      return wrapLlm(llm, (request, stream) =>
        stream({...request, systemPrompt: `${request.systemPrompt} + ${options.label}`}),
      );
    };
    const stream = setUp(
      withModel('fast', fast),
      withDefaults({request: {systemPrompt: 'from defaults'}}),
      withLogging(label, () => {
        optionsMade++;
        return {label: `label of ${inject(LLM_DEFAULT_OPTIONS).request?.systemPrompt}`};
      }),
    );
    expect(optionsMade).toBe(0);
    expect(await answer(stream, {model: 'fast'})).toBe('ok');
    expect(await answer(stream, {model: 'fast'})).toBe('ok');
    expect(optionsMade).toBe(1);
    expect(wrapped).toEqual([fast, fast]);
    expect(fast.calls[0].systemPrompt).toBe('from defaults + label of from defaults');
  });

  it('gives a route its own configuration', async () => {
    const appModel = new MockLlm({script: {chunks: ['app']}});
    const routeModel = new MockLlm({script: {chunks: ['route']}});
    const appStream = setUp(withModel('m', appModel));
    const route = createEnvironmentInjector(
      [provideLlm(withModel('m', routeModel))],
      TestBed.inject(EnvironmentInjector),
    );
    expect(await answer(route.get(LlmStream), {model: 'm'})).toBe('route');
    expect(await answer(appStream, {model: 'm'})).toBe('app');
    route.destroy();
  });

  it('rejects a single-use feature given twice, and two models of one name, in dev mode', () => {
    expect(() => provideLlm(withRetry(), withRetry())).toThrowMatching(
      error => LlmConfigurationError.isInstance(error) && error.message.includes('withRetry() more than once'),
    );
    const twoOfOneName = () => setUp(withModel('x', new MockLlm({script: {}})), withCascade('x', ['y']));
    expect(twoOfOneName).toThrowMatching(
      error => LlmConfigurationError.isInstance(error) && error.message.includes('two models or cascades "x"'),
    );
  });

  it('passes every chunk through unchanged', async () => {
    const fast = new MockLlm({script: {chunks: ['a', {type: 'reasoning-delta', text: 'r'}, 'b']}});
    const stream = setUp(withModel('fast', fast));
    const chunks = await lastValueFrom(stream.stream({userPrompt: 'Hi'}, {model: 'fast'}).pipe(toArray()));
    expect(chunks.slice(0, 3)).toEqual([
      {type: 'text-delta', text: 'a'},
      {type: 'reasoning-delta', text: 'r'},
      {type: 'text-delta', text: 'b'},
    ]);
    expect(chunks.length).toBe(4);
    expect(chunks[3].type).toBe('usage');
  });
});
