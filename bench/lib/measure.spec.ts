import {interleavedRounds, measureRun} from './measure';

describe('measureRun', () => {
  it('returns the result with the CPU and wall time spent', async () => {
    const cost = await measureRun(async () => {
      const until = performance.now() + 20;
      let spins = 0;
      while (performance.now() < until) spins++;
      return spins;
    });
    expect(cost.result).toBeGreaterThan(0);
    expect(cost.wallMs).toBeGreaterThanOrEqual(19);
    // Busy-waiting burns CPU; allow for a coarse CPU clock.
    expect(cost.cpuMicros).toBeGreaterThan(5_000);
  });
});

describe('interleavedRounds', () => {
  it('runs warm-ups unrecorded and rotates who goes first each round', async () => {
    const order: string[] = [];
    const samples = await interleavedRounds(['a', 'b', 'c'], {warmups: 1, rounds: 3}, async (name, round) => {
      order.push(`${round}${name}`);
      return round;
    });
    expect(order).toEqual(['-1c', '-1a', '-1b', '0a', '0b', '0c', '1b', '1c', '1a', '2c', '2a', '2b']);
    expect(samples).toEqual([
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ]);
  });
});
