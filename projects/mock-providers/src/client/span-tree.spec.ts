import type {ReceivedSpan} from './otlp-client';
import {buildSpanTree, formatSpanTree} from './span-tree';

describe('buildSpanTree', () => {
  const span = (name: string, spanId: string, parentSpanId = '', start = '100', traceId = 't1'): ReceivedSpan => ({
    traceId,
    spanId,
    parentSpanId,
    name,
    kind: 'internal',
    startTimeUnixNano: start,
    endTimeUnixNano: start,
    attributes: {},
    status: {code: 'unset'},
    events: [],
    links: [],
    resource: {},
    scope: {name: 'spec'},
    encoding: 'json',
  });

  it('nests children under their parent, ordered by start time as a number, then by name', () => {
    const spans = [
      span('late', 'c', 'a', '1000'),
      span('root', 'a'),
      span('early', 'b', 'a', '999'),
      span('grandchild', 'd', 'b', '1001'),
      span('same time, b', 'f', 'a', '1000'),
    ];
    expect(formatSpanTree(buildSpanTree(spans))).toEqual([
      'root',
      '  early',
      '    grandchild',
      '  late',
      '  same time, b',
    ]);
  });

  it('makes a span whose parent is missing or in another trace a root', () => {
    const roots = buildSpanTree([span('orphan', 'b', 'gone', '1'), span('other', 'c', 'a', '2', 't2'), span('a', 'a')]);
    expect(roots.map(node => node.span.name)).toEqual(['orphan', 'other', 'a']);
    expect(roots.every(node => node.children.length === 0)).toBeTrue();
  });

  it('formats with a label of choice', () => {
    const spans = [span('root', 'a'), span('child', 'b', 'a')];
    expect(formatSpanTree(buildSpanTree(spans), item => `${item.name} (${item.kind})`)).toEqual([
      'root (internal)',
      '  child (internal)',
    ]);
  });
});
