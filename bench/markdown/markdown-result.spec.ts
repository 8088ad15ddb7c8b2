import {assertRenderersAgree, frameTimesOf, frameWindows, markdownRow} from './markdown-result';

describe('frameTimesOf', () => {
  it('takes p50 and p95 of the frames near 1%, 10% and the end of the answer, and skips the rest', () => {
    const frames = [
      {length: 100, ms: 50, layoutMs: 0},
      {length: 4_000, ms: 2, layoutMs: 0},
      {length: 5_000, ms: 4, layoutMs: 0},
      {length: 20_000, ms: 99, layoutMs: 0},
      {length: 40_000, ms: 10, layoutMs: 0},
      {length: 390_000, ms: 8, layoutMs: 0},
      {length: 400_000, ms: 6, layoutMs: 0},
    ];
    const times = frameTimesOf(frames, 400_000);
    expect(times.map(({around, frames: count, p50}) => [around, count, p50])).toEqual([
      [4_000, 2, 3],
      [40_000, 1, 10],
      [400_000, 2, 7],
    ]);
    expect(times[0]?.p95).toBeCloseTo(3.9, 10);
  });

  it('leaves out a window without frames', () => {
    expect(frameTimesOf([{length: 400_000, ms: 1, layoutMs: 0}], 400_000).map(time => time.around)).toEqual([400_000]);
    expect(frameWindows(400_000)[2]?.from).toBe(340_000);
  });
});

describe('markdownRow', () => {
  it('counts long tasks and sums render and layout times', () => {
    const row = markdownRow(
      'llm-rx',
      {
        frames: [
          {length: 10, ms: 3, layoutMs: 1},
          {length: 20, ms: 5, layoutMs: 2},
        ],
        longTasksMs: [60, 120],
        isSelectionKept: true,
        finalText: 'x',
        seconds: 1,
      },
      0.5,
      1_000,
    );
    expect(row).toEqual(
      jasmine.objectContaining({frames: 2, longTasks: 2, maxLongTaskMs: 120, mainThreadSeconds: 0.5}),
    );
    expect(row.renderSeconds).toBeCloseTo(0.008, 10);
    expect(row.layoutSeconds).toBeCloseTo(0.003, 10);
  });
});

describe('assertRenderersAgree', () => {
  it('passes on the same texts and names the renderer and place of a difference', () => {
    expect(() =>
      assertRenderersAgree([
        {renderer: 'llm-rx', text: 'same'},
        {renderer: 'marked', text: 'same'},
      ]),
    ).not.toThrow();
    expect(() =>
      assertRenderersAgree([
        {renderer: 'llm-rx', text: 'abc'},
        {renderer: 'ngx-markdown', text: 'abd'},
      ]),
    ).toThrowError(/ngx-markdown .* from character 2/);
  });
});
