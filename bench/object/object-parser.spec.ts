import {benchObjectParser} from './object-parser';

describe('benchObjectParser', () => {
  it('measures each parser on each answer; the re-parse at sampled chunks, counted for every chunk', async () => {
    const rows = await benchObjectParser(
      {
        answers: [
          {records: 3, chunks: 40},
          {records: 6, chunks: 4},
        ],
        warmups: 1,
        rounds: 3,
        reparseRounds: 2,
        reparseSamples: 5,
      },
      () => undefined,
    );
    expect(
      rows.map(row => `${row.answer.records}/${row.answer.chunks} ${row.parser} ${row.cpuMsPerAnswer.count}`),
    ).toEqual([
      '3/40 JSON.parse once 3',
      '3/40 push only 3',
      '3/40 push + snapshot 3',
      '3/40 re-parse per chunk 2',
      '6/4 JSON.parse once 3',
      '6/4 push only 3',
      '6/4 push + snapshot 3',
      '6/4 re-parse per chunk 2',
    ]);
    expect(rows.map(row => row.sampledChunks)).toEqual([
      undefined,
      undefined,
      undefined,
      5,
      undefined,
      undefined,
      undefined,
      4,
    ]);
    for (const row of rows) {
      expect(row.cpuMicrosPerChunk.median * row.answer.chunks).toBeCloseTo(row.cpuMsPerAnswer.median * 1000, 6);
    }
  });
});
