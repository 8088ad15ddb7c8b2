import {costLimitNanoUsd, wholeSpend} from './store-units';

describe('store-units', () => {
  it('turns a daily cost limit in dollars into whole nano-dollars, and none into none', () => {
    expect(costLimitNanoUsd(2.5)).toBe(2_500_000_000);
    expect(costLimitNanoUsd(0.1 + 0.2)).toBe(300_000_000);
    expect(costLimitNanoUsd(0)).toBe(0);
    expect(costLimitNanoUsd(undefined)).toBeUndefined();
  });

  it('rounds a spend to whole, non-negative tokens and nano-dollars', () => {
    expect(wholeSpend({tokens: 10.6, costNanoUsd: 99.4})).toEqual({tokens: 11, costNanoUsd: 99});
    expect(wholeSpend({tokens: -3, costNanoUsd: -1})).toEqual({tokens: 0, costNanoUsd: 0});
  });
});
