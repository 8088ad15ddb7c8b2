import {callRow, deleteDatabase, otlpTelemetry, uniqueDatabaseName, type OtlpTelemetry} from '@llm-rx/spec-support';
import type {LlmCallRecord} from 'llm-rx';
import {createLlmCallLog, type LlmCallLog} from 'llm-rx/logging';
import {replayLlmCalls, type LlmReplayProgress} from 'llm-rx/telemetry';
import {lastValueFrom, take, toArray} from 'rxjs';

/** 10,000 rows: 9,000 calls, every ninth with a failed first attempt before the answering one. */
function historyRows(start: number): LlmCallRecord[] {
  const rows: LlmCallRecord[] = [];
  for (let call = 0; rows.length < 10_000; call++) {
    const traceId = `trace-${String(call).padStart(5, '0')}`;
    const startedAt = start + call * 1000;
    if (call % 9 === 0) {
      rows.push(
        callRow({
          traceId,
          startedAt,
          endedAt: startedAt + 50,
          status: 'error',
          errorType: 'LlmProviderError',
          attemptIndex: 0,
          attemptCount: 2,
          inputTokens: null,
          outputTokens: null,
          totalCost: null,
        }),
        callRow({traceId, startedAt: startedAt + 60, endedAt: startedAt + 900, attemptIndex: 1, attemptCount: 2}),
      );
    } else {
      rows.push(callRow({traceId, startedAt, endedAt: startedAt + 800}));
    }
  }
  return rows.slice(0, 10_000);
}

describe('replaying 10,000 rows of the IndexedDB call log over OTLP/HTTP to a loopback receiver', () => {
  let log: LlmCallLog;
  let databaseName: string;
  const otlps: OtlpTelemetry[] = [];

  beforeEach(() => {
    databaseName = uniqueDatabaseName();
    log = createLlmCallLog({databaseName});
  });
  afterEach(async () => {
    await Promise.all(otlps.splice(0).map(otlp => otlp.close()));
    await log.close();
    await deleteDatabase(databaseName);
  });

  it('sends every call once with its attempts, resuming after a stop, with progress', async () => {
    const start = Date.UTC(2026, 9, 1);
    const rows = historyRows(start);
    await log.importCalls(rows);
    const calls = new Set(rows.map(row => row.traceId)).size;

    // The first run stops after three pages, as a closed tab would.
    const first = otlpTelemetry('json');
    otlps.push(first);
    const stopped = await lastValueFrom(
      replayLlmCalls(first.telemetry, log, {batchSize: 500, flush: () => first.flushSpans()}).pipe(take(4), toArray()),
    );
    expect(stopped.map(({replayed, total}) => [replayed, total])).toEqual([
      [0, calls],
      [500, calls],
      [1000, calls],
      [1500, calls],
    ]);

    // A new run (another tab, another exporter) resumes after the last page sent.
    await log.close();
    log = createLlmCallLog({databaseName});
    const second = otlpTelemetry('protobuf');
    otlps.push(second);
    const progress: LlmReplayProgress[] = await lastValueFrom(
      replayLlmCalls(second.telemetry, log, {batchSize: 500, flush: () => second.flushSpans()}).pipe(toArray()),
    );
    expect(progress[0]).toEqual(jasmine.objectContaining({replayed: 0, total: calls - 1500}));
    expect(progress[progress.length - 1]).toEqual(jasmine.objectContaining({replayed: calls - 1500, done: true}));

    // Spans per part: a call span per call, an attempt span per row.
    const traces = [...new Set(rows.map(row => row.traceId))];
    const firstTraces = new Set(traces.slice(0, 1500));
    const firstRows = rows.filter(row => firstTraces.has(row.traceId)).length;
    const sentFirst = await first.spans(1500 + firstRows);
    const sentSecond = await second.spans(calls - 1500 + rows.length - firstRows);
    const callSpans = [...sentFirst, ...sentSecond].filter(span => span.name.startsWith('chat '));
    const attemptSpans = [...sentFirst, ...sentSecond].filter(span => span.name.startsWith('attempt '));
    // Every call exactly once, every row an attempt span under its call.
    expect(callSpans.length).toBe(calls);
    expect(attemptSpans.length).toBe(rows.length);
    expect(new Set(callSpans.map(span => span.startTimeUnixNano)).size).toBe(calls);
    const callIds = new Set(callSpans.map(span => span.spanId));
    expect(attemptSpans.every(span => callIds.has(span.parentSpanId))).toBeTrue();
    // Original timestamps: the first call started at `start`.
    const earliest = callSpans.map(span => BigInt(span.startTimeUnixNano)).reduce((a, b) => (a < b ? a : b));
    expect(earliest).toBe(BigInt(start) * 1_000_000n);
    expect(callSpans.every(span => span.attributes['llm_rx.replayed'] === true)).toBeTrue();
  });
});
