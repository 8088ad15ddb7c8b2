import {summarizePreload} from './preload-result';

const page = (firstMs: number, secondMs: number, preloadMs = 0) => ({firstMs, secondMs, preloadMs, isSameText: true});

describe('summarizePreload', () => {
  it('gives medians per mode and the first-over-second ratio round by round', () => {
    const result = summarizePreload(
      {
        cold: [page(30, 10), page(60, 10), page(40, 20)],
        preloaded: [page(11, 10, 5), page(12, 10, 7), page(30, 20, 6)],
      },
      'chunks=20',
    );
    expect(result.rounds).toBe(3);
    expect(result.cold.firstMs.median).toBe(40);
    expect(result.cold.firstToSecond.median).toBe(3);
    expect(result.preloaded.firstToSecond.median).toBe(1.2);
    expect(result.preloaded.preloadMs.median).toBe(6);
  });

  it('refuses pages whose two calls streamed different texts', () => {
    expect(() =>
      summarizePreload({cold: [{...page(1, 1), isSameText: false}], preloaded: [page(1, 1)]}, 'chunks=20'),
    ).toThrowError(/same text/);
  });
});
