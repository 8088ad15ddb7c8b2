import {hasBlankOrControl, splitOnBlankOrControl} from './control-characters';

describe('control characters', () => {
  it('finds spaces, line breaks, tabs, NUL and DEL', () => {
    for (const text of ['a b', 'a\nb', 'a\r\n', '\tab', 'a\u0000b', 'ab\u007f', 'a\u00a0b']) {
      expect(hasBlankOrControl(text)).withContext(JSON.stringify(text)).toBeTrue();
    }
    expect(hasBlankOrControl('sk-abc_DEF.123')).toBeFalse();
  });

  it('splits a text on them', () => {
    expect(splitOnBlankOrControl('sk-first\nsecond \t third\u0000')).toEqual(['sk-first', 'second', 'third']);
    expect(splitOnBlankOrControl('')).toEqual([]);
  });
});
