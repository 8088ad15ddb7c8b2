import type {ChartConfiguration} from 'chart.js';
import type {LlmCallRecord, LlmCallStatsGroup} from 'llm-rx/logging';
import {formatCost} from '../common/format';

// Small legend boxes, so that four series still fit in one or two lines on a phone.
const COMMON_OPTIONS = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  plugins: {legend: {labels: {boxWidth: 12, boxHeight: 12}}},
} as const;

/** A cost axis: dollars as the rest of the dashboard writes them (`$0.0000106`), not `1.06E-5`. */
const COST_AXIS = {beginAtZero: true, ticks: {callback: (value: string | number) => formatCost(Number(value))}};

/**
 * The cumulative cost of the calls over time, oldest first.
 * @param calls Call rows, in any order.
 * @returns A line chart's configuration.
 */
export function costOverTimeChart(calls: readonly LlmCallRecord[]): ChartConfiguration<'line'> {
  const sorted = [...calls].sort((first, second) => first.startedAt - second.startedAt);
  let total = 0;
  const points = sorted.map(call => (total += call.totalCost ?? 0));
  return {
    type: 'line',
    data: {
      labels: sorted.map(call => new Date(call.startedAt).toLocaleTimeString('en-GB')),
      datasets: [{label: 'Cumulative cost (USD)', data: points, borderColor: '#2563eb', pointRadius: 2, tension: 0}],
    },
    options: {...COMMON_OPTIONS, scales: {y: COST_AXIS}},
  };
}

/**
 * Cost by model.
 * @param groups The breakdown by model.
 * @returns A bar chart's configuration.
 */
export function costByModelChart(groups: readonly LlmCallStatsGroup[]): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: groups.map(group => group.key),
      datasets: [{label: 'Cost (USD)', data: groups.map(group => group.totalCost), backgroundColor: '#2563eb'}],
    },
    options: {...COMMON_OPTIONS, scales: {y: COST_AXIS}},
  };
}

/**
 * Input and output tokens by model, stacked.
 * @param groups The breakdown by model.
 * @returns A bar chart's configuration.
 */
export function tokensByModelChart(groups: readonly LlmCallStatsGroup[]): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: groups.map(group => group.key),
      datasets: [
        {label: 'Input tokens', data: groups.map(group => group.inputTokens), backgroundColor: '#60a5fa'},
        {label: 'Output tokens', data: groups.map(group => group.outputTokens), backgroundColor: '#f59e0b'},
      ],
    },
    options: {...COMMON_OPTIONS, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true}}},
  };
}

/**
 * The p50 and p95 of time to first chunk and of response time, by model.
 * @param groups The breakdown by model.
 * @returns A bar chart's configuration, in milliseconds; a model without a value has no bar.
 */
export function latencyByModelChart(groups: readonly LlmCallStatsGroup[]): ChartConfiguration<'bar'> {
  const series = (label: string, color: string, pick: (group: LlmCallStatsGroup) => number | null) => ({
    label,
    backgroundColor: color,
    data: groups.map(group => pick(group)),
  });
  return {
    type: 'bar',
    data: {
      labels: groups.map(group => group.key),
      datasets: [
        series('First chunk p50', '#a7f3d0', group => group.timeToFirstChunkMs.p50),
        series('First chunk p95', '#10b981', group => group.timeToFirstChunkMs.p95),
        series('Response p50', '#c7d2fe', group => group.responseTimeMs.p50),
        series('Response p95', '#6366f1', group => group.responseTimeMs.p95),
      ],
    },
    options: {...COMMON_OPTIONS, scales: {y: {beginAtZero: true, title: {display: true, text: 'ms'}}}},
  };
}
