import {Observable} from 'rxjs';

/**
 * Items at a steady rate, in a page: each task emits the items due by now, as a network read delivers several
 * events at once, then yields to the event loop through a message channel (not throttled like nested timers).
 * @param count How many items.
 * @param perSecond The rate.
 * @param itemAt The item of each index, from 0.
 * @param isIdleWhenNoneDue When no item is due, wait with a 0 ms timer instead of another message, so that the
 *   main thread is idle between items and its busy time (CDP `TaskDuration`) is the consumer's work, not the
 *   emitter spinning.
 * @returns The items, then completion.
 */
export function atRate<T>(
  count: number,
  perSecond: number,
  itemAt: (index: number) => T,
  isIdleWhenNoneDue = false,
): Observable<T> {
  return new Observable<T>(subscriber => {
    const channel = new MessageChannel();
    const startedAt = performance.now();
    let sent = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    channel.port1.onmessage = () => {
      const due = Math.min(count, Math.floor(((performance.now() - startedAt) / 1000) * perSecond));
      const wasAnyDue = sent < due;
      while (sent < due) subscriber.next(itemAt(sent++));
      if (sent >= count) subscriber.complete();
      else if (isIdleWhenNoneDue && !wasAnyDue) timer = setTimeout(() => channel.port2.postMessage(0), 0);
      else channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
    return () => {
      clearTimeout(timer);
      channel.port1.close();
    };
  });
}
