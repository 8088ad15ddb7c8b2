import {PLATFORM_ID, provideZonelessChangeDetection} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {LlmStream} from './llm-stream';
import {preloadableLlm} from './preload-fixtures';
import {type LlmFeature, provideLlm, withDefaults, withModel, withRetry} from './provide-llm';
import {withPreload} from './with-preload';

/** Starts the app's environment (its initializers run), in the browser unless told. */
function start(features: LlmFeature[], platform = 'browser'): void {
  TestBed.configureTestingModule({
    providers: [provideZonelessChangeDetection(), {provide: PLATFORM_ID, useValue: platform}, provideLlm(...features)],
  });
  TestBed.inject(LlmStream);
}

/** Resolves after the idle callbacks scheduled before it (they run in order), and the promises they started. */
function afterIdle(): Promise<void> {
  return new Promise(resolve => requestIdleCallback(() => setTimeout(resolve, 0)));
}

describe('withPreload', () => {
  it('preloads the given models when the browser is idle, not before, sending nothing', async () => {
    const [fast, other] = [preloadableLlm('fast-1'), preloadableLlm('other-1')];
    start([withModel('fast', fast.llm), withRetry({count: 1}), withPreload('fast', other.llm)]);
    expect(fast.preload).not.toHaveBeenCalled();
    await afterIdle();
    expect([fast.preload.calls.count(), other.preload.calls.count()]).toEqual([1, 1]);
    expect(fast.mock.subscriptions + other.mock.subscriptions).toBe(0);
  });

  it('preloads the default model when given none', async () => {
    const fast = preloadableLlm('fast-1');
    start([withModel('fast', fast.llm), withDefaults({model: 'fast'}), withPreload()]);
    await afterIdle();
    expect(fast.preload).toHaveBeenCalledTimes(1);
  });

  it('skips a model it cannot preload, with a warning, and still preloads the others', async () => {
    const fast = preloadableLlm('fast-1');
    const warn = spyOn(console, 'warn');
    start([withModel('fast', fast.llm), withPreload('unknown', 'fast')]);
    await afterIdle();
    expect(fast.preload).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(
      'llm-rx: withPreload() could not preload a model:',
      jasmine.stringContaining('unknown'),
    );
  });

  it('does nothing on the server', async () => {
    const fast = preloadableLlm('fast-1');
    start([withModel('fast', fast.llm), withPreload('fast')], 'server');
    await afterIdle();
    expect(fast.preload).not.toHaveBeenCalled();
  });

  it('does nothing once the app is destroyed before the browser is idle', async () => {
    const fast = preloadableLlm('fast-1');
    start([withModel('fast', fast.llm), withPreload('fast')]);
    TestBed.resetTestingModule();
    await afterIdle();
    expect(fast.preload).not.toHaveBeenCalled();
  });
});
