import {metricsOf} from './otlp-metrics';

describe('metricsOf', () => {
  const request = (metrics: object[]) => ({
    resourceMetrics: [
      {
        resource: {attributes: [{key: 'service.name', value: {stringValue: 's'}}]},
        scopeMetrics: [{scope: {name: 'meter'}, metrics}],
      },
    ],
  });

  it('reads a histogram whose zero count proto3 left out, and numbers written as strings', () => {
    const [metric] = metricsOf(
      request([
        {
          name: 'h',
          histogram: {
            aggregationTemporality: 'AGGREGATION_TEMPORALITY_DELTA',
            dataPoints: [{bucketCounts: ['0', '0'], explicitBounds: [1], sum: 'NaN', timeUnixNano: '9'}],
          },
        },
      ]),
      'protobuf',
    );
    expect(metric).toEqual({
      name: 'h',
      description: '',
      unit: '',
      kind: 'histogram',
      temporality: 'delta',
      points: [
        {
          attributes: {},
          startTimeUnixNano: '0',
          timeUnixNano: '9',
          count: 0,
          sum: NaN,
          bucketCounts: [0, 0],
          explicitBounds: [1],
        },
      ],
      resource: {'service.name': 's'},
      scope: {name: 'meter'},
      encoding: 'protobuf',
    });
  });

  it('names every kind, reads a sum value as asInt or asDouble, and leaves out a metric without data', () => {
    const metrics = metricsOf(
      request([
        {name: 'sum', sum: {aggregationTemporality: 2, dataPoints: [{asInt: '-5'}, {asDouble: 1.5}]}},
        {name: 'gauge', gauge: {dataPoints: [{asDouble: 0}]}},
        {name: 'exponential', exponentialHistogram: {dataPoints: [{count: '3', sum: 6}]}},
        {name: 'summary', summary: {dataPoints: [{count: 2, sum: 4}]}},
        {name: 'empty'},
      ]),
      'json',
    );
    expect(metrics.map(({name, kind, temporality, isMonotonic}) => ({name, kind, temporality, isMonotonic}))).toEqual([
      {name: 'sum', kind: 'sum', temporality: 'cumulative', isMonotonic: false},
      {name: 'gauge', kind: 'gauge', temporality: undefined, isMonotonic: undefined},
      {name: 'exponential', kind: 'exponential-histogram', temporality: 'unspecified', isMonotonic: undefined},
      {name: 'summary', kind: 'summary', temporality: undefined, isMonotonic: undefined},
    ]);
    expect(metrics[0].points.map(point => point.value)).toEqual([-5, 1.5]);
    expect(metrics[1].points.map(point => point.value)).toEqual([0]);
    expect(metrics[2].points.map(({count, sum}) => ({count, sum}))).toEqual([{count: 3, sum: 6}]);
    expect(metrics[3].points.map(({count, sum}) => ({count, sum}))).toEqual([{count: 2, sum: 4}]);
  });
});
