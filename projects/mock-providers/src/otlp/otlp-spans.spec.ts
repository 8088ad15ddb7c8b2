import {spansOf} from './otlp-spans';

describe('spansOf', () => {
  it('flattens resource and scope spans, with the defaults proto3 leaves out', () => {
    const spans = spansOf(
      {
        resourceSpans: [
          {
            resource: {attributes: [{key: 'service.name', value: {stringValue: 's'}}]},
            scopeSpans: [
              {scope: {name: 'one'}, spans: [{traceId: 'AB'.repeat(16), spanId: 'CD'.repeat(8), name: 'a'}]},
              {
                scope: {name: 'two', version: '2'},
                spans: [
                  {
                    traceId: 'ab'.repeat(16),
                    spanId: 'ef'.repeat(8),
                    parentSpanId: 'CD'.repeat(8),
                    name: 'b',
                    kind: 'SPAN_KIND_PRODUCER',
                    startTimeUnixNano: '1',
                    endTimeUnixNano: 2,
                    status: {code: 'STATUS_CODE_ERROR', message: 'bad'},
                  },
                ],
              },
            ],
          },
          {scopeSpans: [{spans: [{name: 'c', kind: 9, status: {code: 1}}]}]},
        ],
      },
      'json',
    );
    expect(spans.map(({name, scope, resource}) => ({name, scope, resource}))).toEqual([
      {name: 'a', scope: {name: 'one'}, resource: {'service.name': 's'}},
      {name: 'b', scope: {name: 'two', version: '2'}, resource: {'service.name': 's'}},
      {name: 'c', scope: {name: ''}, resource: {}},
    ]);
    expect(spans[0]).toEqual(
      jasmine.objectContaining({
        traceId: 'ab'.repeat(16),
        spanId: 'cd'.repeat(8),
        parentSpanId: '',
        kind: 'unspecified',
        startTimeUnixNano: '0',
        status: {code: 'unset'},
        events: [],
        links: [],
        attributes: {},
      }),
    );
    expect(spans[1]).toEqual(
      jasmine.objectContaining({
        parentSpanId: 'cd'.repeat(8),
        kind: 'producer',
        startTimeUnixNano: '1',
        endTimeUnixNano: '2',
        status: {code: 'error', message: 'bad'},
      }),
    );
    expect(spans[2]).toEqual(jasmine.objectContaining({kind: 'unspecified', status: {code: 'ok'}, traceId: ''}));
  });

  it('reads an empty request as no spans', () => {
    expect(spansOf({}, 'protobuf')).toEqual([]);
    expect(spansOf({resourceSpans: [{}]}, 'protobuf')).toEqual([]);
  });
});
