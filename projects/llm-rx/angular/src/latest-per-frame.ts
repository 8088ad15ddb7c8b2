import {type MonoTypeOperatorFunction, Observable, type SchedulerLike, type Subscription} from 'rxjs';

/**
 * Emits the latest value at most once per tick of a scheduler; on completion or error, delivers the value still
 * waiting at once, then completes or errors.
 *
 * With `animationFrameScheduler`, a burst of thousands of values between two frames becomes one emission in the
 * next frame, so a view bound to it updates at most once per frame. No leading emission (as `throttleTime` would
 * give): it would land between frames and give the view a second update in the same frame. The end does not wait
 * for a tick (as `auditTime` would): a hidden tab gets no animation frames, and its stream must still finish; the
 * pending tick is cancelled, so the end is still the only update until the next frame.
 * @param scheduler The ticks, e.g. `animationFrameScheduler`; a delay of 0 on it waits for the next frame.
 * @returns An operator that keeps only the latest value of each tick.
 */
export function _latestPerFrame<T>(scheduler: SchedulerLike): MonoTypeOperatorFunction<T> {
  return source =>
    new Observable<T>(subscriber => {
      let latest: T;
      let hasPending = false;
      let tick: Subscription | undefined;
      const emitPending = () => {
        if (!hasPending) return;
        hasPending = false;
        tick?.unsubscribe();
        tick = undefined;
        subscriber.next(latest);
      };
      const subscription = source.subscribe({
        next: value => {
          latest = value;
          if (hasPending) return;
          hasPending = true;
          tick = scheduler.schedule(emitPending);
        },
        error: (error: unknown) => {
          emitPending();
          subscriber.error(error);
        },
        complete: () => {
          emitPending();
          subscriber.complete();
        },
      });
      return () => {
        tick?.unsubscribe();
        subscription.unsubscribe();
      };
    });
}
