import {context, SpanStatusCode, trace} from '@opentelemetry/api';
import {BasicTracerProvider, type ReadableSpan} from '@opentelemetry/sdk-trace-base';
import {keepNewest, type SentSpan, sentSpansOf, sentSpanTrees} from './sent-spans';

const tracer = new BasicTracerProvider().getTracer('spec');
/** Epoch milliseconds as a `Date`: the SDK takes a bare number for a `performance.now()` reading. */
const at = (milliseconds: number) => new Date(EPOCH + milliseconds);
const EPOCH = Date.UTC(2026, 0, 1);

/** A call span with two attempt spans under it, ended in the order an exporter gets them (attempts first). */
function callSpans(model: string, startedAt: number): ReadableSpan[] {
  const call = tracer.startSpan(`chat ${model}`, {
    startTime: at(startedAt),
    attributes: {'gen_ai.request.model': model},
  });
  const parent = trace.setSpan(context.active(), call);
  const first = tracer.startSpan(`attempt ${model}`, {startTime: at(startedAt + 1)}, parent);
  first.setStatus({code: SpanStatusCode.ERROR, message: 'rate limited'});
  first.end(at(startedAt + 5));
  const second = tracer.startSpan(`attempt ${model}`, {startTime: at(startedAt + 6)}, parent);
  second.end(at(startedAt + 20));
  call.end(at(startedAt + 20));
  return [first, second, call] as unknown as ReadableSpan[];
}

describe('sentSpansOf', () => {
  it('keeps what the page shows: ids, parent, name, times, status, sorted attributes, the outcome', () => {
    const [attempt, , call] = sentSpansOf({spans: callSpans('m', 1_000), isExported: false, error: '404'});
    expect(call.parentSpanId).toBeNull();
    expect(attempt.parentSpanId).toBe(call.spanId);
    expect(attempt.traceId).toBe(call.traceId);
    expect(call.name).toBe('chat m');
    expect(call.startedAt).toBe(EPOCH + 1_000);
    expect(call.durationMs).toBe(20);
    expect(attempt.status).toBe('error');
    expect(attempt.statusMessage).toBe('rate limited');
    expect(call.attributes).toEqual([{key: 'gen_ai.request.model', value: 'm'}]);
    expect(call.isExported).toBe(false);
    expect(call.exportError).toBe('404');
  });

  it('writes array attributes as JSON', () => {
    const span = tracer.startSpan('s', {attributes: {'gen_ai.response.finish_reasons': ['stop'], z: 1, a: true}});
    span.end();
    const [sent] = sentSpansOf({spans: [span as unknown as ReadableSpan], isExported: true});
    expect(sent.attributes).toEqual([
      {key: 'a', value: 'true'},
      {key: 'gen_ai.response.finish_reasons', value: '["stop"]'},
      {key: 'z', value: '1'},
    ]);
  });
});

describe('keepNewest', () => {
  it('puts the last batch first, its last span first, and keeps at most the cap', () => {
    const names = (spans: readonly SentSpan[]) => spans.map(span => span.name);
    const older = sentSpansOf({spans: callSpans('old', 0), isExported: true});
    const newer = sentSpansOf({spans: callSpans('new', 100), isExported: true});
    const kept = keepNewest(keepNewest([], older), newer, 4);
    expect(names(kept)).toEqual(['chat new', 'attempt new', 'attempt new', 'chat old']);
  });
});

describe('sentSpanTrees', () => {
  it('hangs attempts under their call in start order, and lists the calls newest first', () => {
    const spans = keepNewest(
      keepNewest([], sentSpansOf({spans: callSpans('old', 0), isExported: true})),
      sentSpansOf({spans: callSpans('new', 100), isExported: true}),
    );
    const trees = sentSpanTrees(spans);
    expect(trees.map(node => node.span.name)).toEqual(['chat new', 'chat old']);
    expect(trees[0].children.map(node => [node.span.name, node.span.status])).toEqual([
      ['attempt new', 'error'],
      ['attempt new', 'unset'],
    ]);
    expect(trees[0].children.every(node => node.children.length === 0)).toBe(true);
  });

  it('orders calls by when they started, not by when their spans arrived', () => {
    const long = tracer.startSpan('chat long', {startTime: at(0)});
    long.end(at(500));
    const short = tracer.startSpan('chat short', {startTime: at(100)});
    short.end(at(120));
    // The short call ended first, so its span was exported first.
    const kept = keepNewest(
      keepNewest([], sentSpansOf({spans: [short as unknown as ReadableSpan], isExported: true})),
      sentSpansOf({spans: [long as unknown as ReadableSpan], isExported: true}),
    );
    expect(sentSpanTrees(kept).map(node => node.span.name)).toEqual(['chat short', 'chat long']);
  });

  it('shows a span whose parent is no longer kept (or not yet sent) as a root', () => {
    const [attempt] = sentSpansOf({spans: callSpans('m', 0), isExported: true});
    expect(sentSpanTrees([attempt]).map(node => node.span.name)).toEqual(['attempt m']);
  });
});
