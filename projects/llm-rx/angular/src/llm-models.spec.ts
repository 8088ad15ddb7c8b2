import {provideZonelessChangeDetection} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {cascade, createLlmKeyFingerprint, type Llm, LlmProviderError} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {lastValueFrom} from 'rxjs';
import {_LlmModels} from './llm-models';
import {type LlmFeature, provideLlm, withCascade, withModel, withRetry} from './provide-llm';

function models(...features: LlmFeature[]): _LlmModels {
  TestBed.configureTestingModule({providers: [provideZonelessChangeDetection(), provideLlm(...features)]});
  return TestBed.inject(_LlmModels);
}

const overloaded = () => new LlmProviderError('overloaded', {provider: 'mock-provider', statusCode: 503});

describe('_LlmModels', () => {
  it('creates a named model or cascade once and returns it again', () => {
    const registry = models(withModel('a', new MockLlm({script: {}})), withCascade('c', ['a']));
    expect(registry.get('c')).toBe(registry.get('c'));
    expect(registry.get('c').provider).toBe('cascade');
    expect(registry.get('a')).toBe(registry.get('a'));
  });

  it('returns a named Llm as is without withRetry()', () => {
    const llm = new MockLlm({script: {}});
    expect(models(withModel('a', llm)).get('a')).toBe(llm);
  });

  it('retries a model but leaves a cascade to the retries of its children', async () => {
    const registry = models(withRetry({count: 1, initialDelayMs: 1}));
    const child = new MockLlm({script: {error: overloaded()}});
    const built = cascade([child]);
    expect(registry.retried(built)).toBe(built);
    const single = new MockLlm({script: [{error: overloaded()}, {chunks: ['ok']}]});
    const retried = registry.retried(single);
    expect([retried.provider, retried.model]).toEqual([single.provider, single.model]);
    await lastValueFrom(retried.stream({userPrompt: 'Hi'}));
    expect(single.subscriptions).toBe(2);
  });

  it('keeps the key fingerprint of a retried model, so that its logged calls keep the key hash', () => {
    const registry = models(withRetry({count: 1}));
    const keyFingerprint = createLlmKeyFingerprint('sk-test-retried', 'team');
    const llm: Llm = Object.assign(new MockLlm({script: {}}), {keyFingerprint});
    expect(registry.retried(llm).keyFingerprint).toBe(keyFingerprint);
  });
});
