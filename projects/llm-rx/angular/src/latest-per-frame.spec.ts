import {createLlmTestScheduler} from 'llm-rx/testing';
import {_latestPerFrame} from './latest-per-frame';

describe('_latestPerFrame', () => {
  it('emits the latest value of each tick, and the last one before completing', () => {
    const testScheduler = createLlmTestScheduler();
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('(abc)-d-(e|)').pipe(_latestPerFrame(testScheduler))).toBe('c-----d-(e|)');
    });
  });

  it('passes an error at once, dropping the value still waiting for its tick', () => {
    const testScheduler = createLlmTestScheduler();
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('a-(b#)').pipe(_latestPerFrame(testScheduler))).toBe('a-#');
    });
  });
});
