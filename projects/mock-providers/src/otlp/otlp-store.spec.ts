import type {ReceivedMetric, ReceivedSpan} from '../client/otlp-client';
import {OtlpStore} from './otlp-store';

describe('OtlpStore', () => {
  const span = (service: string, name: string): ReceivedSpan => ({
    traceId: '1'.repeat(32),
    spanId: '2'.repeat(16),
    parentSpanId: '',
    name,
    kind: 'internal',
    startTimeUnixNano: '0',
    endTimeUnixNano: '0',
    attributes: {},
    status: {code: 'unset'},
    events: [],
    links: [],
    resource: {'service.name': service},
    scope: {name: 'spec'},
    encoding: 'json',
  });
  const metric = (service: string, name: string): ReceivedMetric => ({
    name,
    description: '',
    unit: '',
    kind: 'gauge',
    points: [],
    resource: {'service.name': service},
    scope: {name: 'spec'},
    encoding: 'json',
  });

  it('lists by service.name in arrival order', () => {
    const store = new OtlpStore();
    store.addSpans([span('a', 'a1'), span('b', 'b1')]);
    store.addSpans([span('a', 'a2')]);
    store.addMetrics([metric('b', 'm1'), metric('a', 'm2')]);
    expect(store.spans('a').map(item => item.name)).toEqual(['a1', 'a2']);
    expect(store.metrics('a').map(item => item.name)).toEqual(['m2']);
    expect(store.spans('c')).toEqual([]);
  });

  it('drops the oldest beyond its bound, across services', () => {
    const store = new OtlpStore({maxSpans: 3, maxMetrics: 1});
    store.addSpans([span('a', '1'), span('b', '2')]);
    store.addSpans([span('a', '3'), span('a', '4')]);
    store.addMetrics([metric('a', 'old'), metric('a', 'new')]);
    expect(store.spans('a').map(item => item.name)).toEqual(['3', '4']);
    expect(store.spans('b').map(item => item.name)).toEqual(['2']);
    expect(store.metrics('a').map(item => item.name)).toEqual(['new']);
  });

  it('keeps 50,000 spans by default, enough for a 10,000-row replay next to other runs', () => {
    const store = new OtlpStore();
    store.addSpans(Array.from({length: 50_001}, (_, index) => span('a', String(index))));
    const kept = store.spans('a');
    expect(kept.length).toBe(50_000);
    expect(kept[0].name).toBe('1');
  });

  it('clears one service and says how many of each went', () => {
    const store = new OtlpStore();
    store.addSpans([span('a', '1'), span('b', '2'), span('a', '3')]);
    store.addMetrics([metric('a', 'm')]);
    expect(store.clear('a')).toEqual({spans: 2, metrics: 1});
    expect(store.spans('a')).toEqual([]);
    expect(store.spans('b').map(item => item.name)).toEqual(['2']);
    expect(store.clear('a')).toEqual({spans: 0, metrics: 0});
  });
});
