import {storableJson} from './storable-json';

describe('storableJson', () => {
  it('is what JSON.stringify would write, read back, as a fresh tree', () => {
    const value = {
      text: 'a',
      count: 1.5,
      yes: true,
      none: null,
      list: [1, 'two', undefined, () => 3, {deep: ['x']}],
      when: new Date(0),
      skipped: undefined,
      method: () => 1,
      symbol: Symbol('s'),
      notANumber: NaN,
      infinite: -Infinity,
    };
    const stored = storableJson(value);
    expect(stored).toEqual(JSON.parse(JSON.stringify(value)));
    expect((stored as {list: unknown}).list).not.toBe(value.list);
  });

  it('never throws: a bigint becomes its string, a cycle null, a throwing getter no value', () => {
    const cyclic: Record<string, unknown> = {name: 'loop'};
    cyclic['self'] = cyclic;
    const shared = {a: 1};
    expect(storableJson({big: 12345678901234567890n, cyclic, twice: [shared, shared]})).toEqual({
      big: '12345678901234567890',
      cyclic: {name: 'loop', self: null},
      twice: [{a: 1}, {a: 1}],
    });
    const throwing = {
      get boom(): never {
        throw new Error('no');
      },
    };
    expect(storableJson(throwing)).toBeUndefined();
    expect(storableJson(() => 1)).toBeUndefined();
  });

  it('passes every string and key through clean, and keeps __proto__ an own key', () => {
    const stored = storableJson(JSON.parse('{"__proto__": {"polluted": "yes"}, "k": ["v"]}'), text =>
      text.toUpperCase(),
    ) as Record<string, unknown>;
    expect(Object.keys(stored)).toEqual(['__PROTO__', 'K']);
    expect(stored['K']).toEqual(['V']);
    const kept = storableJson(JSON.parse('{"__proto__": {"polluted": "yes"}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.keys(kept)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
