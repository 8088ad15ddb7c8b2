// The models a call chooses at run time (LlmStreamOptions): a spec created for the call, or a cascade made for it.
import {provideZonelessChangeDetection} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {
  collectResponse,
  LlmCascadeError,
  LlmConfigurationError,
  LlmProviderError,
  type LlmProviderOptions,
} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {firstValueFrom, lastValueFrom} from 'rxjs';
import {recordingProvider} from '@llm-rx/spec-support';
import {LlmStream, type LlmStreamOptions} from './llm-stream';
import {type LlmFeature, provideLlm, withDefaults, withModel, withProvider, withRetry} from './provide-llm';

const overloaded = () => new LlmProviderError('overloaded', {provider: 'mock-provider', statusCode: 503});

function setUp(...features: LlmFeature[]): LlmStream {
  TestBed.configureTestingModule({providers: [provideZonelessChangeDetection(), provideLlm(...features)]});
  return TestBed.inject(LlmStream);
}

async function answer(stream: LlmStream, options: LlmStreamOptions): Promise<string> {
  return (await firstValueFrom(stream.stream({userPrompt: 'Hi'}, options).pipe(collectResponse()))).content;
}

function streamError(stream: LlmStream, options: LlmStreamOptions): Promise<unknown> {
  return lastValueFrom(stream.stream({userPrompt: 'Hi'}, options)).then(
    () => fail('expected an error'),
    (error: unknown) => error,
  );
}

describe('LlmStream options chosen at run time', () => {
  it('creates a model spec for each call through withProvider(), the spec options over the provider and defaults', async () => {
    const provider = recordingProvider('acme');
    const stream = setUp(
      withProvider(provider, {baseURL: '/api/acme', apiKeyAlias: 'proxy'}),
      withDefaults({firstChunkTimeoutMs: 1000}),
    );
    // Options typed as LlmProviderOptions, as a function of the app's settings would return them.
    const options: LlmProviderOptions = {apiKeyAlias: 'typed'};
    expect(await answer(stream, {model: {provider: 'acme', model: 'one', options}})).toBe('acme/one');
    expect(await answer(stream, {model: {provider: 'acme', model: 'two'}})).toBe('acme/two');
    // Made anew for each call, so that options edited at run time apply to the next one.
    expect(provider.created).toEqual([
      {model: 'one', options: {firstChunkTimeoutMs: 1000, baseURL: '/api/acme', apiKeyAlias: 'typed'}},
      {model: 'two', options: {firstChunkTimeoutMs: 1000, baseURL: '/api/acme', apiKeyAlias: 'proxy'}},
    ]);
  });

  it('retries a model spec with withRetry()', async () => {
    const flaky = new MockLlm({script: [{error: overloaded()}, {chunks: ['second try']}]});
    const stream = setUp(withProvider({name: 'flaky', create: () => flaky}), withRetry({count: 1, initialDelayMs: 1}));
    expect(await answer(stream, {model: {provider: 'flaky', model: 'm'}})).toBe('second try');
    expect(flaky.subscriptions).toBe(2);
  });

  it('makes a cascade for the call from names, Llms and specs, retrying each before it fails over', async () => {
    const provider = recordingProvider('acme');
    const flaky = new MockLlm({provider: 'flaky', script: [{error: overloaded()}, {chunks: ['flaky, second try']}]});
    const failing = new MockLlm({provider: 'failing', script: {error: overloaded()}});
    const stream = setUp(
      withProvider(provider),
      withModel('failing', failing),
      withRetry({count: 1, initialDelayMs: 1, jitter: false}),
    );
    expect(await answer(stream, {cascade: [flaky, {provider: 'acme', model: 'a'}]})).toBe('flaky, second try');
    expect(await answer(stream, {cascade: ['failing', {provider: 'acme', model: 'a'}]})).toBe('acme/a');
    // Each call creates its specs (an SDK client is made only at a model's first request).
    expect([flaky.subscriptions, failing.subscriptions, provider.created.length]).toEqual([2, 2, 2]);
  });

  it('reports a cascade whose every model failed as an LlmCascadeError, even with one model', async () => {
    const stream = setUp(withModel('failing', new MockLlm({script: {error: overloaded()}})));
    expect(LlmCascadeError.isInstance(await streamError(stream, {cascade: ['failing']}))).toBeTrue();
  });

  it('rejects more than one of model, llm and cascade, and a model that is none of a name, an Llm or a spec', async () => {
    const llm = new MockLlm({script: {chunks: ['ok']}});
    const stream = setUp(withModel('fast', llm));
    for (const options of [
      {model: 'fast', llm},
      {llm, cascade: ['fast']},
      {model: 'fast', cascade: ['fast']},
    ]) {
      const error = await streamError(stream, options);
      expect(LlmConfigurationError.isInstance(error)).withContext(Object.keys(options).join()).toBeTrue();
      expect((error as Error).message).toContain('more than one of model, llm and cascade');
    }
    const notAModel = await streamError(stream, {cascade: [42 as unknown as string]});
    expect((notAModel as Error).message).toContain('a model must be a configured name, an Llm or {provider, model}');
    expect(llm.subscriptions).toBe(0);
  });
});
