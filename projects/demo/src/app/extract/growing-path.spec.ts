import {growingPath, startsWithPath, valueAtPath} from './growing-path';

describe('growingPath', () => {
  it('follows the last key of each object and the last item of each array', () => {
    expect(growingPath({name: 'Ada', phones: ['1', '2']})).toEqual(['phones', 1]);
    expect(growingPath({name: 'Ada', address: {street: 'x', city: 'Lon'}})).toEqual(['address', 'city']);
    expect(growingPath({lines: [{description: 'a'}, {description: 'b', quantity: 2}]})).toEqual([
      'lines',
      1,
      'quantity',
    ]);
  });

  it('stops at an empty container or a value', () => {
    expect(growingPath({})).toEqual([]);
    expect(growingPath(undefined)).toEqual([]);
    expect(growingPath({phones: []})).toEqual(['phones']);
    expect(growingPath({company: null})).toEqual(['company']);
  });
});

describe('startsWithPath', () => {
  it('compares step by step', () => {
    expect(startsWithPath(['lines', 1, 'quantity'], ['lines', 1])).toBe(true);
    expect(startsWithPath(['lines', 1], ['lines', 1])).toBe(true);
    expect(startsWithPath(['lines', 1], [])).toBe(true);
    expect(startsWithPath(['lines', 10], ['lines', 1])).toBe(false);
    expect(startsWithPath(['lines'], ['lines', 1])).toBe(false);
  });
});

describe('valueAtPath', () => {
  it('reads through objects and arrays, and gives undefined past a missing step', () => {
    const value = {lines: [{description: 'a'}], company: null};
    expect(valueAtPath(value, ['lines', 0, 'description'])).toBe('a');
    expect(valueAtPath(value, [])).toBe(value);
    expect(valueAtPath(value, ['company', 'name'])).toBeUndefined();
    expect(valueAtPath(value, ['lines', 3, 'description'])).toBeUndefined();
  });
});
