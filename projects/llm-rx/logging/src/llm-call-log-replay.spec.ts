import {collectResponse, LlmConfigurationError} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {firstValueFrom} from 'rxjs';
import {deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';
import {createLlmCallLog} from './create-llm-call-log';
import type {LlmCallLog} from './llm-call-log';
import {loggedLlm} from './log-llm-calls';
import {replayCall} from './replay-fixtures';

describe('LlmCallLog as a replay source', () => {
  const t0 = Date.UTC(2025, 2, 1, 10);
  let databaseName: string;
  const logs: LlmCallLog[] = [];

  function openLog(flushIntervalMs?: number): LlmCallLog {
    const log = createLlmCallLog({databaseName, ...(flushIntervalMs === undefined ? {} : {flushIntervalMs})});
    logs.push(log);
    return log;
  }

  beforeEach(() => (databaseName = uniqueDatabaseName()));

  afterEach(async () => {
    await Promise.all(logs.splice(0).map(log => log.close()));
    await deleteDatabase(databaseName);
  });

  it('keeps each replay name’s cursor in the database, across a reopened log, until it is forgotten', async () => {
    const log = openLog();
    expect(await log.readReplayCursor('otel')).toBeNull();
    await log.saveReplayCursor('otel', {startedAt: t0, traceId: 'a'});
    await log.saveReplayCursor('otel', {startedAt: t0 + 1, traceId: 'b'});
    await log.saveReplayCursor('other', {startedAt: t0, traceId: 'z'});
    await log.close();

    const reopened = openLog();
    expect(await reopened.readReplayCursor('otel')).toEqual({startedAt: t0 + 1, traceId: 'b'});
    expect(await reopened.readReplayCursor('other')).toEqual({startedAt: t0, traceId: 'z'});
    await reopened.saveReplayCursor('otel', null);
    expect(await reopened.readReplayCursor('otel')).toBeNull();
    expect(await reopened.readReplayCursor('other')).toEqual({startedAt: t0, traceId: 'z'});
    await reopened.close();

    expect(await openLog().readReplayCursor('otel')).toBeNull();
  });

  it('resumes a replay from the saved cursor in the next log', async () => {
    const log = openLog();
    await log.importCalls(['a', 'b', 'c'].flatMap((traceId, index) => replayCall(traceId, t0 + index)));
    const first = await log.readReplayPage({after: await log.readReplayCursor('otel')}, 2);
    await log.saveReplayCursor('otel', first.cursor);
    await log.close();

    const next = openLog();
    const rest = await next.readReplayPage({after: await next.readReplayCursor('otel')}, 2);
    expect(rest.calls.map(call => call.traceId)).toEqual(['c']);
    expect(await next.countReplayCalls({after: await next.readReplayCursor('otel')})).toBe(1);
  });

  it('forgets every cursor on clear()', async () => {
    const log = openLog();
    await log.importCalls(replayCall('a', t0));
    await log.saveReplayCursor('otel', {startedAt: t0, traceId: 'a'});
    await log.clear();
    expect(await log.readReplayCursor('otel')).toBeNull();
    expect(await log.countReplayCalls({})).toBe(0);
  });

  it('reads the calls this tab still buffers, once they ended', async () => {
    // A batch a minute away: only the read's own flush writes the rows.
    const log = openLog(60_000);
    const llm = loggedLlm(new MockLlm({script: {chunks: ['Hi']}}), {log});
    await firstValueFrom(llm.stream({userPrompt: 'Hello'}).pipe(collectResponse()));
    expect(log.pendingRecords).toBe(1);
    const page = await log.readReplayPage({}, 10);
    expect(page.calls.map(call => call.attempts.map(attempt => attempt.status))).toEqual([['ok']]);
    expect(await log.countReplayCalls({})).toBe(1);
  });

  it('refuses a limit that is not an integer ≥ 1, naming it', async () => {
    const log = openLog();
    for (const limit of [0, -1, 1.5, Number.NaN]) {
      const error: unknown = await log.readReplayPage({}, limit).catch((thrown: unknown) => thrown);
      expect(LlmConfigurationError.isInstance(error)).withContext(String(limit)).toBeTrue();
      expect((error as LlmConfigurationError).field).toBe('limit');
    }
  });
});
