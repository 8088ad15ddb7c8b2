import {createLlmTestScheduler} from 'llm-rx/testing';
import {of, type SchedulerLike, Subscription, throwError, concat} from 'rxjs';
import {_latestPerFrame} from './latest-per-frame';

/** A scheduler whose ticks never come, like animation frames in a hidden tab. */
const NEVER_TICKS: SchedulerLike = {now: () => 0, schedule: () => new Subscription()};

describe('_latestPerFrame', () => {
  it('emits the latest value of each tick, and the last one before completing', () => {
    const testScheduler = createLlmTestScheduler();
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('(abc)-d-(e|)').pipe(_latestPerFrame(testScheduler))).toBe('c-----d-(e|)');
    });
  });

  it('emits one value per tick of a burst, none before its tick', () => {
    const testScheduler = createLlmTestScheduler();
    testScheduler.run(({cold, expectObservable}) => {
      // Ticks 3 frames apart: a and b wait for the tick at 3, c arrives on it, d is delivered by the completion.
      const ticks = {
        now: () => testScheduler.now(),
        schedule: (work: () => void) => testScheduler.schedule(work, 3),
      } as SchedulerLike;
      expectObservable(cold('ab-c---d|').pipe(_latestPerFrame(ticks))).toBe('---c----(d|)');
    });
  });

  it('delivers the value still waiting before an error', () => {
    const testScheduler = createLlmTestScheduler();
    testScheduler.run(({cold, expectObservable}) => {
      expectObservable(cold('a-(b#)').pipe(_latestPerFrame(testScheduler))).toBe('a-(b#)');
    });
  });

  it('finishes without waiting for a tick that never comes (a hidden tab)', () => {
    const values: string[] = [];
    let isComplete = false;
    of('a', 'b', 'c')
      .pipe(_latestPerFrame(NEVER_TICKS))
      .subscribe({next: value => values.push(value), complete: () => (isComplete = true)});
    expect(values).toEqual(['c']);
    expect(isComplete).toBeTrue();
  });

  it('errors without waiting for a tick that never comes, after the value still waiting', () => {
    const values: string[] = [];
    let failure: unknown;
    concat(
      of('a'),
      throwError(() => new Error('dropped')),
    )
      .pipe(_latestPerFrame(NEVER_TICKS))
      .subscribe({next: value => values.push(value), error: error => (failure = error)});
    expect(values).toEqual(['a']);
    expect((failure as Error).message).toBe('dropped');
  });

  it('cancels the pending tick when unsubscribed', () => {
    const tick = new Subscription();
    const scheduler: SchedulerLike = {now: () => 0, schedule: () => tick};
    of('a').pipe(_latestPerFrame(scheduler)).subscribe().unsubscribe();
    const subscription = concat(of('a'), new Promise<string>(() => undefined))
      .pipe(_latestPerFrame(scheduler))
      .subscribe();
    subscription.unsubscribe();
    expect(tick.closed).toBeTrue();
  });
});
