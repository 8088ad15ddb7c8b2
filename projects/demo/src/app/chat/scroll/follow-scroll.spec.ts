import {followsAfterScroll, isAtBottom} from './follow-scroll';

describe('isAtBottom', () => {
  it('is true at the bottom and within a few pixels of it, false above', () => {
    expect(isAtBottom({top: 1000, viewportHeight: 500, contentHeight: 1500})).toBe(true);
    expect(isAtBottom({top: 980, viewportHeight: 500, contentHeight: 1500})).toBe(true);
    expect(isAtBottom({top: 800, viewportHeight: 500, contentHeight: 1500})).toBe(false);
  });

  it('is true when the content fits in the view', () => {
    expect(isAtBottom({top: 0, viewportHeight: 500, contentHeight: 300})).toBe(true);
  });
});

describe('followsAfterScroll', () => {
  const bottom = {top: 1000, viewportHeight: 500, contentHeight: 1500};

  it('stops following as soon as the user scrolls up, even within the tolerance', () => {
    expect(followsAfterScroll(true, 1000, {...bottom, top: 990})).toBe(false);
    expect(followsAfterScroll(true, 1000, {...bottom, top: 400})).toBe(false);
  });

  it('goes on following when shorter content pulls the view up, flush at the bottom', () => {
    expect(followsAfterScroll(true, 1000, {top: 950, viewportHeight: 500, contentHeight: 1450})).toBe(true);
  });

  it('goes on following when the view moves down (the page following the stream)', () => {
    expect(followsAfterScroll(true, 900, bottom)).toBe(true);
  });

  it('follows again once the user is back at the bottom, and not before', () => {
    expect(followsAfterScroll(false, 400, {...bottom, top: 700})).toBe(false);
    expect(followsAfterScroll(false, 700, bottom)).toBe(true);
  });
});
