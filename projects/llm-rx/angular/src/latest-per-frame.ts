import {auditTime, type MonoTypeOperatorFunction, type SchedulerLike} from 'rxjs';

/**
 * Emits the latest value at most once per tick of a scheduler, and the last value before completing.
 *
 * With `animationFrameScheduler`, a burst of thousands of values between two frames becomes one emission in the
 * next frame, so a view bound to it updates at most once per frame. `auditTime(0)` rather than `throttleTime`:
 * a leading emission would land between frames and give the view a second update in the same frame. Errors pass
 * at once; the caller keeps the latest value if it wants to show it.
 * @param scheduler The ticks, e.g. `animationFrameScheduler`; a delay of 0 on it waits for the next frame.
 * @returns An operator that keeps only the latest value of each tick.
 */
export function _latestPerFrame<T>(scheduler: SchedulerLike): MonoTypeOperatorFunction<T> {
  return auditTime(0, scheduler);
}
