import {headersProblem, isPlainObject} from './check-http-headers';

describe('headersProblem', () => {
  it('accepts header names to string values', () => {
    expect(headersProblem({}, 'headers')).toBeUndefined();
    expect(headersProblem({'x-a': '1', Authorization: 'Bearer x', 'anthropic-beta': 'a,b'}, 'headers')).toBeUndefined();
  });

  it('names what is wrong, without quoting a value', () => {
    expect(headersProblem('x-a: 1', 'headers')).toContain('must be an object');
    expect(headersProblem(['x-a'], 'headers')).toContain('must be an object');
    expect(headersProblem({'x-a': 5}, 'headers')).toBe('headers["x-a"] must be a string (got number)');
    expect(headersProblem({'x-a': 'sk-secret\r\n'}, 'headers')).toContain('line break');
    expect(headersProblem({'x-a': 'sk-secret\r\n'}, 'headers')).not.toContain('sk-secret');
    expect(headersProblem({'x a': '1'}, 'headers')).toContain('invalid header name');
    expect(headersProblem({'x:a': '1'}, 'headers')).toContain('invalid header name');
  });
});

describe('isPlainObject', () => {
  it('tells literals from arrays, class instances and primitives', () => {
    expect(isPlainObject({})).toBeTrue();
    expect(isPlainObject(Object.create(null))).toBeTrue();
    for (const value of [[], new Map(), new Date(), null, undefined, 'x', 1]) {
      expect(isPlainObject(value)).withContext(String(value)).toBeFalse();
    }
  });
});
