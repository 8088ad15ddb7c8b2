import type {LlmCallRecord, LlmCallStatsGroup} from 'llm-rx/logging';
import {costByModelChart, costOverTimeChart, latencyByModelChart, tokensByModelChart} from './dashboard-charts';

describe('dashboard charts', () => {
  const call = (startedAt: number, totalCost: number | null) => ({startedAt, totalCost}) as LlmCallRecord;
  const group = (key: string, values: Partial<LlmCallStatsGroup>) =>
    ({
      key,
      totalCost: 0,
      inputTokens: 0,
      outputTokens: 0,
      timeToFirstChunkMs: {p50: null, p95: null},
      responseTimeMs: {p50: null, p95: null},
      ...values,
    }) as LlmCallStatsGroup;

  it('adds costs up over time, oldest first, counting unknown costs as nothing', () => {
    const chart = costOverTimeChart([call(3000, 0.5), call(1000, 0.25), call(2000, null)]);
    expect(chart.data.datasets[0].data).toEqual([0.25, 0.25, 0.75]);
    expect(chart.data.labels?.length).toBe(3);
  });

  it('charts cost and tokens by model', () => {
    const groups = [group('a', {totalCost: 1, inputTokens: 10, outputTokens: 5}), group('b', {totalCost: 2})];
    expect(costByModelChart(groups).data.datasets[0].data).toEqual([1, 2]);
    expect(costByModelChart(groups).data.labels).toEqual(['a', 'b']);
    const tokens = tokensByModelChart(groups).data.datasets;
    expect(tokens.map(dataset => dataset.data)).toEqual([
      [10, 0],
      [5, 0],
    ]);
  });

  it('charts the four percentiles, leaving unknown ones empty', () => {
    const groups = [group('a', {timeToFirstChunkMs: {p50: 100, p95: 300}, responseTimeMs: {p50: 900, p95: 2000}})];
    expect(latencyByModelChart(groups).data.datasets.map(dataset => dataset.data[0])).toEqual([100, 300, 900, 2000]);
    expect(latencyByModelChart([group('b', {})]).data.datasets[0].data).toEqual([null]);
  });

  it('labels the cost axes in dollars as the rest of the dashboard does, not in exponent notation', () => {
    for (const chart of [costOverTimeChart([call(1000, 0.000012)]), costByModelChart([group('a', {totalCost: 1})])]) {
      const ticks = (chart.options?.scales?.['y'] as {ticks: {callback: (value: number) => string}}).ticks;
      expect(ticks.callback(0.000012)).toBe('$0.0000120');
      expect(ticks.callback(0.5)).toBe('$0.5000');
    }
  });
});
