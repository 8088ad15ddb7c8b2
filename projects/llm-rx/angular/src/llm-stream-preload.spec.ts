import {PLATFORM_ID, provideZonelessChangeDetection} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {LlmConfigurationError} from 'llm-rx';
import {LlmStream} from './llm-stream';
import {preloadableLlm} from './preload-fixtures';
import {type LlmFeature, provideLlm, withCascade, withDefaults, withModel, withRetry} from './provide-llm';

function setUp(features: LlmFeature[], platform = 'browser'): LlmStream {
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), {provide: PLATFORM_ID, useValue: platform}, provideLlm(...features)],
  });
  return TestBed.inject(LlmStream);
}

describe('LlmStream.preload', () => {
  it('preloads the named model through the configured retry, sending nothing', async () => {
    const fast = preloadableLlm('fast-1');
    const stream = setUp([withModel('fast', fast.llm), withRetry({count: 1})]);
    await stream.preload({model: 'fast'});
    expect(fast.preload).toHaveBeenCalledTimes(1);
    expect(fast.mock.subscriptions).toBe(0);
  });

  it('preloads the default model, and every child of a cascade', async () => {
    const [first, second] = [preloadableLlm('first-1'), preloadableLlm('second-1')];
    const stream = setUp([
      withModel('first', first.llm),
      withModel('second', second.llm),
      withCascade('robust', ['first', 'second']),
      withDefaults({model: 'robust'}),
    ]);
    await stream.preload();
    expect([first.preload.calls.count(), second.preload.calls.count()]).toEqual([1, 1]);
  });

  it('rejects with an LlmConfigurationError for an unknown name', async () => {
    const stream = setUp([]);
    const error = await stream.preload({model: 'nope'}).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(LlmConfigurationError.isInstance(error)).toBeTrue();
  });

  it('does nothing on the server', async () => {
    const fast = preloadableLlm('fast-1');
    const stream = setUp([withModel('fast', fast.llm)], 'server');
    await stream.preload({model: 'fast'});
    expect(fast.preload).not.toHaveBeenCalled();
  });
});
