import type {LlmCallRecord, LlmReplayCursor, LlmReplayQuery} from 'llm-rx';
import {mulberry32} from '@llm-rx/spec-support';
import type {LlmCallLog} from './llm-call-log';
import {logPerSpec} from './log-llm-calls-fixtures';
import {STALE_IN_PROGRESS_MS} from './log-maintenance';
import {pageCalls, replayCall} from './replay-fixtures';
import {countReplayCalls, readReplayPage, REPLAY_SETTLE_MS} from './replay-queries';

describe('replay queries', () => {
  const t0 = Date.UTC(2025, 2, 1, 10);
  // The clock the pages are read at: ten minutes after the calls, so that no call is stale unless a spec says so.
  const now = t0 + 10 * 60_000;
  let log: LlmCallLog;
  logPerSpec(created => (log = created));

  const page = (query: LlmReplayQuery, limit: number, at = now) => readReplayPage(log.database, query, limit, at);

  it('reads calls by the start of their first attempt, then by trace id, page by page', async () => {
    await log.importCalls([
      ...replayCall('c', t0 + 1),
      ...replayCall('b', t0),
      ...replayCall('a', t0),
      // Its second attempt starts after d: the call still sorts by its first.
      ...replayCall('e', t0 + 2, ['error', 'ok']),
      ...replayCall('d', t0 + 3),
    ]);

    const first = await page({}, 2);
    expect(pageCalls(first)).toEqual(['a: a-0', 'b: b-0']);
    expect(first.cursor).toEqual({startedAt: t0, traceId: 'b'});
    expect(first.hasMore).toBeTrue();

    const second = await page({after: first.cursor}, 2);
    expect(pageCalls(second)).toEqual(['c: c-0', 'e: e-0, e-1']);
    expect(second.cursor).toEqual({startedAt: t0 + 2, traceId: 'e'});
    expect(second.hasMore).toBeTrue();

    const third = await page({after: second.cursor}, 2);
    expect(pageCalls(third)).toEqual(['d: d-0']);
    expect(third.hasMore).toBeFalse();

    expect(await page({after: third.cursor}, 2)).toEqual({calls: [], cursor: null, hasMore: false});
    // A page that holds exactly the rest says that nothing remains.
    expect((await page({after: second.cursor}, 1)).hasMore).toBeFalse();
  });

  it('gives each call whole, with every attempt row as stored, in attempt order', async () => {
    const rows = replayCall('multi', t0, ['error', 'error', 'ok']);
    await log.importCalls([...rows].reverse());
    const {calls} = await page({}, 1);
    expect(calls).toEqual([{traceId: 'multi', attempts: rows}]);
  });

  it('reads from `from` (inclusive) to `to` (exclusive), and after the cursor when it is later than `from`', async () => {
    await log.importCalls(
      ['a', 'b', 'c', 'd', 'e'].flatMap((traceId, index) => replayCall(traceId, t0 + index * 1_000)),
    );
    const range = {from: t0 + 1_000, to: t0 + 4_000};
    expect(pageCalls(await page(range, 10))).toEqual(['b: b-0', 'c: c-0', 'd: d-0']);
    expect(await countReplayCalls(log.database, range)).toBe(3);
    // A cursor before `from` does not widen the range; one inside it narrows it.
    const before = {...range, after: {startedAt: t0, traceId: 'a'}};
    expect(pageCalls(await page(before, 10))).toEqual(['b: b-0', 'c: c-0', 'd: d-0']);
    const inside = {...range, after: {startedAt: t0 + 2_000, traceId: 'c'}};
    expect(pageCalls(await page(inside, 10))).toEqual(['d: d-0']);
    expect(await countReplayCalls(log.database, inside)).toBe(1);
    // The cursor's own trace id bounds a tie: a call of the same millisecond with a later id comes after it.
    await log.importCalls(replayCall('cc', t0 + 2_000));
    expect(pageCalls(await page(inside, 10))).toEqual(['cc: cc-0', 'd: d-0']);
    expect(await page({from: t0 + 4_000, to: t0 + 4_000}, 10)).toEqual({calls: [], cursor: null, hasMore: false});
    expect(await page({from: t0 + 5_000, to: t0}, 10)).toEqual({calls: [], cursor: null, hasMore: false});
  });

  it('stops before a call with an attempt in progress, and gives it once it ended', async () => {
    const running = replayCall('b', t0 + 1, ['error', 'in-progress']);
    await log.importCalls([...replayCall('a', t0), ...running, ...replayCall('c', t0 + 2)]);

    const first = await page({}, 10);
    expect(pageCalls(first)).toEqual(['a: a-0']);
    expect(first.cursor).toEqual({startedAt: t0, traceId: 'a'});
    expect(first.hasMore).toBeTrue();
    // Stopped at the first call of the page: nothing to give, more to come.
    expect(await page({after: first.cursor}, 10)).toEqual({calls: [], cursor: null, hasMore: true});

    await log.importCalls([{...running[1], status: 'ok'}]);
    const second = await page({after: first.cursor}, 10);
    expect(pageCalls(second)).toEqual(['b: b-0, b-1', 'c: c-0']);
    expect(second.hasMore).toBeFalse();
  });

  it('gives calls that a closed tab left interrupted', async () => {
    await log.importCalls(replayCall('a', t0, ['error', 'interrupted']));
    expect(pageCalls(await page({}, 10))).toEqual(['a: a-0, a-1']);
  });

  it('stops before a call whose rows are not all written yet, and gives it once they are', async () => {
    const [firstAttempt, secondAttempt] = replayCall('b', t0 + 1, ['error', 'ok']);
    await log.importCalls([...replayCall('a', t0), firstAttempt]);
    const first = await page({}, 10);
    expect(pageCalls(first)).toEqual(['a: a-0']);
    expect(first.hasMore).toBeTrue();

    await log.importCalls([secondAttempt]);
    expect(pageCalls(await page({after: first.cursor}, 10))).toEqual(['b: b-0, b-1']);
  });

  it('waits for a call whose last attempt failed a moment ago, since a retry may follow its backoff', async () => {
    // A retry's first attempt failed and its row is written; the second starts after the backoff.
    const [failed] = replayCall('a', t0, ['error']);
    await log.importCalls([{...failed, endedAt: now - 1_000}]);
    expect(await page({}, 10)).toEqual({calls: [], cursor: null, hasMore: true});

    expect(pageCalls(await page({}, 10, now + REPLAY_SETTLE_MS))).toEqual(['a: a-0']);
  });

  it('counts a call by its highest attempt count, as rows written before the call ended carry an older one', async () => {
    // A tab closed during the second attempt: the first row still says one attempt, the second says two.
    const [firstAttempt] = replayCall('a', t0, ['error']);
    const [, secondAttempt] = replayCall('a', t0, ['error', 'interrupted']);
    await log.importCalls([firstAttempt, secondAttempt]);
    expect(pageCalls(await page({}, 10))).toEqual(['a: a-0, a-1']);

    // Seen the other way round: a row that counts three attempts, and two of them there.
    await log.importCalls(replayCall('b', t0 + 1, ['error', 'error', 'ok']).slice(0, 2));
    const rest = await page({after: {startedAt: t0, traceId: 'a'}}, 10);
    expect(rest).toEqual({calls: [], cursor: null, hasMore: true});
  });

  it('gives a call with rows missing once its last row started longer ago than a call can last', async () => {
    const [firstAttempt] = replayCall('a', t0, ['error', 'ok']);
    await log.importCalls([firstAttempt]);
    const lastStart = firstAttempt.startedAt;
    expect((await page({}, 10, lastStart + STALE_IN_PROGRESS_MS)).calls).toEqual([]);
    expect((await page({}, 10, lastStart + STALE_IN_PROGRESS_MS + 1)).calls).toEqual([
      {traceId: 'a', attempts: [firstAttempt]},
    ]);
    // A row in progress is never stale here: the log marks it interrupted when its tab is gone.
    await log.importCalls([{...firstAttempt, status: 'in-progress'}]);
    expect((await page({}, 10, lastStart + 10 * STALE_IN_PROGRESS_MS)).calls).toEqual([]);
  });

  it('counts calls, not rows, finished or not', async () => {
    await log.importCalls([
      ...replayCall('a', t0, ['error', 'error', 'ok']),
      ...replayCall('b', t0 + 1, ['in-progress']),
      ...replayCall('c', t0 + 2),
    ]);
    expect(await countReplayCalls(log.database, {})).toBe(3);
    expect(await countReplayCalls(log.database, {after: {startedAt: t0, traceId: 'a'}})).toBe(2);
    expect(await countReplayCalls(log.database, {to: t0 + 2})).toBe(2);
  });

  it('gives every call of 10,000 rows exactly once, whole and in order, in pages of 500', async () => {
    const random = mulberry32(14);
    const rows: LlmCallRecord[] = [];
    const expected: {traceId: string; startedAt: number; attempts: number}[] = [];
    for (let call = 0; rows.length < 10_000; call++) {
      // Starts within two seconds: many calls share a millisecond.
      const startedAt = t0 + Math.floor(random() * 2_000);
      const attempts = Math.min(1 + Math.floor(random() * 3), 10_000 - rows.length);
      const traceId = `trace-${call}`;
      expected.push({traceId, startedAt, attempts});
      rows.push(...replayCall(traceId, startedAt, [...Array<'error'>(attempts - 1).fill('error'), 'ok']));
    }
    // Rows go in shuffled, so that neither the table's order nor the import's says anything.
    rows.sort(() => random() - 0.5);
    await log.importCalls(rows, {replaceExisting: false});
    expected.sort((a, b) => a.startedAt - b.startedAt || (a.traceId < b.traceId ? -1 : 1));

    const seen: {traceId: string; startedAt: number; attempts: number}[] = [];
    let after: LlmReplayCursor | null = null;
    let pages = 0;
    for (let hasMore = true; hasMore; pages++) {
      const next = await page({after}, 500);
      expect(next.calls.length).toBeLessThanOrEqual(500);
      for (const {traceId, attempts} of next.calls) {
        expect(attempts.map(attempt => attempt.attemptIndex)).toEqual([...attempts.keys()]);
        seen.push({traceId, startedAt: attempts[0].startedAt, attempts: attempts.length});
      }
      after = next.cursor;
      hasMore = next.hasMore;
    }
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 500));
    expect(await countReplayCalls(log.database, {})).toBe(expected.length);
  });
});
