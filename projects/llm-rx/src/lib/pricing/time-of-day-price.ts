import type {LlmModelPrice, LlmTieredRates, LlmTimeOfDayPrice} from './llm-model-price';

const UTC_TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d+)?)?$/;

/**
 * Picks the rates in effect at a time: the last time-of-day window that contains it, or the model's own rates.
 *
 * Windows are compared with the time's UTC clock, as the dataset does: a window includes its start, excludes its
 * end, and runs past midnight when its end is earlier than its start.
 *
 * @param price The model's price.
 * @param time When the call was made.
 * @returns The window's rates and tiers, or `price` itself outside every window.
 * @throws RangeError when the price has windows and `time` is an invalid date; Error for a malformed window time.
 */
export function priceAt(price: LlmModelPrice, time: Date): LlmTieredRates {
  const windows = price.timeOfDayPrices;
  if (!windows?.length) return price;
  const seconds = secondsOfUtcDay(time);
  for (let index = windows.length - 1; index >= 0; index--) {
    if (isWithinWindow(windows[index], seconds)) return windows[index];
  }
  return price;
}

/**
 * Checks every window time of a price, so that a malformed override fails where it is added, not when a call is
 * priced.
 * @param price The price to check.
 * @param label Names the price in the error, e.g. `deepseek/my-model`.
 * @throws Error naming the price and the malformed time.
 */
export function assertTimeOfDayPrices(price: LlmModelPrice, label: string): void {
  for (const window of price.timeOfDayPrices ?? []) {
    for (const time of [window.startTimeUtc, window.endTimeUtc]) {
      if (!UTC_TIME_OF_DAY.test(time)) throw malformedTime(time, label);
    }
  }
}

/**
 * Reads a window time as seconds after midnight UTC.
 * @param time `HH:MM` or `HH:MM:SS`, optionally with a fraction of a second.
 * @returns Seconds, fraction included.
 * @throws Error for any other form.
 */
export function secondsOfUtcTimeOfDay(time: string): number {
  const parts = UTC_TIME_OF_DAY.exec(time);
  if (!parts) throw malformedTime(time);
  const [, hours, minutes, seconds = '0', fraction = ''] = parts;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(`0${fraction}`);
}

function isWithinWindow(window: LlmTimeOfDayPrice, seconds: number): boolean {
  const start = secondsOfUtcTimeOfDay(window.startTimeUtc);
  const end = secondsOfUtcTimeOfDay(window.endTimeUtc);
  return end < start ? seconds >= start || seconds < end : seconds >= start && seconds < end;
}

function secondsOfUtcDay(time: Date): number {
  if (Number.isNaN(time.getTime())) throw new RangeError('llm-rx: cannot pick time-of-day prices for an invalid date');
  // Summed from the UTC clock fields, as the dataset does, so a window edge compares exactly.
  return (
    time.getUTCHours() * 3600 + time.getUTCMinutes() * 60 + time.getUTCSeconds() + time.getUTCMilliseconds() / 1000
  );
}

function malformedTime(time: string, label?: string): Error {
  const where = label ? ` in the price of ${label}` : '';
  return new Error(`llm-rx: time-of-day price time '${time}'${where} is not HH:MM or HH:MM:SS (UTC)`);
}
