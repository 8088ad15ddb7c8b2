import type {LlmReplayCall} from 'llm-rx';
import {benchCallLog, InMemoryReplaySource} from './in-memory-replay-source';

describe('benchCallLog', () => {
  it('writes exactly the rows asked for, every nth call failing over to a second attempt', () => {
    const calls = benchCallLog({rows: 12, failoverEvery: 5});
    expect(calls.reduce((rows, call) => rows + call.attempts.length, 0)).toBe(12);
    expect(calls.map(call => call.attempts.map(row => row.status).join('>'))).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'error>ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'error>ok',
    ]);
    const [failed, answered] = calls[4]?.attempts ?? [];
    expect([failed?.attemptIndex, answered?.attemptIndex, answered?.attemptCount]).toEqual([0, 1, 2]);
    expect(answered?.traceId).toBe(failed?.traceId);
  });

  it('never splits a call to fit the count: the last one stays one attempt', () => {
    const calls = benchCallLog({rows: 5, failoverEvery: 5});
    expect(calls.map(call => call.attempts.length)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('InMemoryReplaySource', () => {
  const calls = benchCallLog({rows: 7, failoverEvery: 3});
  const traceIds = (page: readonly LlmReplayCall[]) => page.map(call => call.traceId.slice(-1));

  it('pages whole calls oldest first, resuming after the cursor, until none remain', async () => {
    const source = new InMemoryReplaySource([...calls].reverse());
    const first = await source.readReplayPage({}, 2);
    expect(traceIds(first.calls)).toEqual(['0', '1']);
    expect(first.hasMore).toBeTrue();
    const second = await source.readReplayPage({after: first.cursor}, 10);
    expect(traceIds(second.calls)).toEqual(['2', '3', '4', '5']);
    expect(second.hasMore).toBeFalse();
    expect(second.cursor).toEqual({startedAt: calls[5]?.attempts[0]?.startedAt ?? 0, traceId: 'trace-00000005'});
    expect(await source.readReplayPage({after: second.cursor}, 10)).toEqual({calls: [], cursor: null, hasMore: false});
    expect(await source.countReplayCalls({after: first.cursor})).toBe(4);
  });

  it('keeps to the from–to range, orders a shared millisecond by trace id, and stops before a running call', async () => {
    const startedAt = calls[1]?.attempts[0]?.startedAt ?? 0;
    expect(await new InMemoryReplaySource(calls).countReplayCalls({from: startedAt, to: startedAt + 2_000})).toBe(2);
    const sameTime = (traceId: string, status: 'ok' | 'in-progress'): LlmReplayCall => ({
      traceId,
      attempts: [{...(calls[0]?.attempts[0] as LlmReplayCall['attempts'][number]), traceId, startedAt, status}],
    });
    const source = new InMemoryReplaySource([sameTime('b', 'in-progress'), sameTime('a', 'ok')]);
    const page = await source.readReplayPage({}, 10);
    expect(page.calls.map(call => call.traceId)).toEqual(['a']);
    expect(page.hasMore).toBeTrue();
  });

  it('remembers a cursor per name', async () => {
    const source = new InMemoryReplaySource(calls);
    await source.saveReplayCursor('otel', {startedAt: 1, traceId: 'x'});
    expect(await source.readReplayCursor('otel')).toEqual({startedAt: 1, traceId: 'x'});
    expect(await source.readReplayCursor('other')).toBeNull();
    await source.saveReplayCursor('otel', null);
    expect(await source.readReplayCursor('otel')).toBeNull();
  });
});
