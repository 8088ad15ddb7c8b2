import {anyValueOf, attributesOf, enumOf, nanosOf, numberOf, scopeOf} from './otlp-values';

describe('OTLP values', () => {
  it('reads each AnyValue of the JSON mapping, intValue as a number or a decimal string', () => {
    expect(anyValueOf({stringValue: 'x'})).toBe('x');
    expect(anyValueOf({stringValue: ''})).toBe('');
    expect(anyValueOf({boolValue: false})).toBe(false);
    expect(anyValueOf({intValue: 42})).toBe(42);
    expect(anyValueOf({intValue: '1099511627776'})).toBe(2 ** 40);
    expect(anyValueOf({intValue: '-7'})).toBe(-7);
    expect(anyValueOf({intValue: 0})).toBe(0);
    expect(anyValueOf({doubleValue: 0.5})).toBe(0.5);
    expect(anyValueOf({doubleValue: 'NaN'})).toBeNaN();
    expect(anyValueOf({doubleValue: '-Infinity'})).toBe(-Infinity);
    expect(anyValueOf({bytesValue: 'AQI='})).toBe('AQI=');
  });

  it('reads arrays, key-value lists and empty values', () => {
    expect(anyValueOf({arrayValue: {values: [{intValue: '1'}, {doubleValue: 2.5}, {}]}})).toEqual([1, 2.5, null]);
    expect(anyValueOf({arrayValue: {}})).toEqual([]);
    expect(anyValueOf({kvlistValue: {values: [{key: 'a', value: {boolValue: true}}]}})).toEqual({a: true});
    expect(anyValueOf({})).toBeNull();
    expect(anyValueOf(undefined)).toBeNull();
  });

  it('builds an attribute record, the last of a repeated key winning', () => {
    expect(
      attributesOf([
        {key: 'a', value: {stringValue: '1'}},
        {key: 'b', value: {intValue: 2}},
        {key: 'a', value: {stringValue: '3'}},
      ]),
    ).toEqual({a: '3', b: 2});
    expect(attributesOf(undefined)).toEqual({});
  });

  it('writes nanosecond times as decimal strings, 0 when absent', () => {
    expect(nanosOf('1700000000123456789')).toBe('1700000000123456789');
    expect(nanosOf(1700000000123456)).toBe('1700000000123456');
    expect(nanosOf(undefined)).toBe('0');
  });

  it('reads numbers, enums by number or name, and scopes', () => {
    expect(numberOf('12')).toBe(12);
    expect(numberOf(undefined)).toBeUndefined();
    expect(enumOf(2, ['A', 'B', 'C'])).toBe(2);
    expect(enumOf('C', ['A', 'B', 'C'])).toBe(2);
    expect(enumOf('Z', ['A', 'B', 'C'])).toBe(0);
    expect(enumOf(undefined, ['A'])).toBe(0);
    expect(scopeOf({name: 'tracer', version: '1.0.0'})).toEqual({name: 'tracer', version: '1.0.0'});
    expect(scopeOf({name: 'tracer', version: ''})).toEqual({name: 'tracer'});
    expect(scopeOf(undefined)).toEqual({name: ''});
  });
});
