import {healEdges} from './heal-edges';

describe('healEdges()', () => {
  it('holds back markers with no text after them yet', () => {
    expect(healEdges('Some **')).toBe('Some ');
    expect(healEdges('Some *')).toBe('Some ');
    expect(healEdges('and _')).toBe('and ');
    expect(healEdges('text, `')).toBe('text, ');
    expect(healEdges('and ~~')).toBe('and ');
    expect(healEdges('**')).toBe('');
  });

  it('leaves markers inside a word and closing markers alone', () => {
    expect(healEdges('snake_')).toBe('snake_');
    expect(healEdges('Some **bold**')).toBe('Some **bold**');
    expect(healEdges('Some **bold*')).toBe('Some **bold*');
  });

  it('renders a link text whose url has not arrived as a link', () => {
    expect(healEdges('See [the docs]')).toBe('See [the docs](streamdown:incomplete-link)');
  });

  it('leaves task boxes, images and escaped brackets alone', () => {
    expect(healEdges('- [ ]')).toBe('- [ ]');
    expect(healEdges('- [x]')).toBe('- [x]');
    expect(healEdges('[x]')).toBe('[x]');
    expect(healEdges('![logo]')).toBe('![logo]');
    expect(healEdges('\\[literal]')).toBe('\\[literal]');
  });
});
