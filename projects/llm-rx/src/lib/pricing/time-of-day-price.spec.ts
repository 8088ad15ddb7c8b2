import type {LlmModelPrice} from './llm-model-price';
import {assertTimeOfDayPrices, priceAt, secondsOfUtcTimeOfDay} from './time-of-day-price';

describe('priceAt', () => {
  const peak = {startTimeUtc: '01:00', endTimeUtc: '04:00', inputPerMillion: 2, outputPerMillion: 4};
  const price: LlmModelPrice = {inputPerMillion: 1, outputPerMillion: 2, timeOfDayPrices: [peak]};

  it('returns the price itself when it has no windows, whatever the time', () => {
    const flat: LlmModelPrice = {inputPerMillion: 1, outputPerMillion: 2};
    expect(priceAt(flat, new Date('2026-12-01T02:00:00Z'))).toBe(flat);
    expect(priceAt(flat, new Date(Number.NaN))).toBe(flat);
  });

  it('returns the window that contains the time, its start included and its end excluded', () => {
    expect(priceAt(price, new Date('2026-12-01T00:59:59.999Z'))).toBe(price);
    expect(priceAt(price, new Date('2026-12-01T01:00:00Z'))).toBe(peak);
    expect(priceAt(price, new Date('2026-12-01T03:59:59.999Z'))).toBe(peak);
    expect(priceAt(price, new Date('2026-12-01T04:00:00Z'))).toBe(price);
  });

  it('fails clearly for an invalid date when the price has windows', () => {
    expect(() => priceAt(price, new Date(Number.NaN))).toThrowError(RangeError, /^llm-rx: /);
  });
});

describe('secondsOfUtcTimeOfDay', () => {
  it('reads HH:MM and HH:MM:SS, with a fraction of a second', () => {
    expect(secondsOfUtcTimeOfDay('00:00')).toBe(0);
    expect(secondsOfUtcTimeOfDay('16:30')).toBe(59_400);
    expect(secondsOfUtcTimeOfDay('23:59:59')).toBe(86_399);
    expect(secondsOfUtcTimeOfDay('00:00:01.5')).toBe(1.5);
  });

  it('rejects any other form', () => {
    for (const time of ['1:00', '24:00', '12:60', '12:00Z', '12:00:00+08:00', '']) {
      expect(() => secondsOfUtcTimeOfDay(time))
        .withContext(time)
        .toThrowError(/^llm-rx: /);
    }
  });
});

describe('assertTimeOfDayPrices', () => {
  it('accepts a price without windows or with well-formed ones', () => {
    expect(() => assertTimeOfDayPrices({inputPerMillion: 1, outputPerMillion: 1}, 'x/y')).not.toThrow();
    const windows: LlmModelPrice = {
      inputPerMillion: 1,
      outputPerMillion: 1,
      timeOfDayPrices: [{startTimeUtc: '16:30', endTimeUtc: '00:30:00', inputPerMillion: 1, outputPerMillion: 1}],
    };
    expect(() => assertTimeOfDayPrices(windows, 'x/y')).not.toThrow();
  });

  it('names the price and the malformed time', () => {
    const malformed: LlmModelPrice = {
      inputPerMillion: 1,
      outputPerMillion: 1,
      timeOfDayPrices: [{startTimeUtc: '01:00', endTimeUtc: '4pm', inputPerMillion: 1, outputPerMillion: 1}],
    };
    expect(() => assertTimeOfDayPrices(malformed, 'deepseek/my-model')).toThrowError(
      "llm-rx: time-of-day price time '4pm' in the price of deepseek/my-model is not HH:MM or HH:MM:SS (UTC)",
    );
  });
});
