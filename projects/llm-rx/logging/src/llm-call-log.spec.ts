import Dexie, {type DBCore, type DBCoreMutateRequest} from 'dexie';
import {collectResponse} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {filter, firstValueFrom, type Subscription, timeout} from 'rxjs';
import {LLM_CALL_CSV_COLUMNS} from './llm-call-csv-columns';
import {createLlmCallLog} from './create-llm-call-log';
import type {LlmCallLog, LlmCallLogOptions} from './llm-call-log';
import type {LlmLogError} from './llm-log-error';
import {loggedLlm} from './log-llm-calls';
import {callRow, deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';

const V1_STORES = {
  calls: 'id, traceId, startedAt, status, [provider+startedAt], [model+startedAt], [status+startedAt]',
  bodies: 'id, traceId',
};

describe('LlmCallLog', () => {
  let databaseName: string;
  const logs: LlmCallLog[] = [];
  const reported: LlmLogError[] = [];

  function openLog(options: LlmCallLogOptions = {}): LlmCallLog {
    const log = createLlmCallLog({databaseName, onError: error => reported.push(error), ...options});
    logs.push(log);
    return log;
  }

  async function runCalls(log: LlmCallLog, count: number): Promise<void> {
    const llm = loggedLlm(new MockLlm({script: {chunks: ['Hi']}}), {log});
    for (let call = 0; call < count; call++)
      await firstValueFrom(llm.stream({userPrompt: `call ${call}`}).pipe(collectResponse()));
  }

  beforeEach(() => {
    databaseName = uniqueDatabaseName();
    reported.length = 0;
  });

  afterEach(async () => {
    await Promise.all(logs.splice(0).map(log => log.close()));
    await deleteDatabase(databaseName);
  });

  describe('queries', () => {
    const t0 = Date.UTC(2025, 2, 1, 10);
    const rows = [
      callRow({id: 'a1', provider: 'openai', model: 'gpt', startedAt: t0, label: 'chat', totalCost: 1, day: undefined}),
      callRow({id: 'a2', provider: 'openai', model: 'gpt', startedAt: t0 + 1_000, status: 'error', totalCost: null}),
      callRow({
        id: 'b1',
        provider: 'anthropic',
        model: 'claude',
        startedAt: t0 + 2_000,
        totalCost: 2,
        traceId: 'trace-b',
      }),
      callRow({
        id: 'b2',
        provider: 'gemini',
        model: 'flash',
        startedAt: t0 + 3_000,
        totalCost: 4,
        traceId: 'trace-b',
        attemptIndex: 1,
      }),
      callRow({id: 'c1', provider: 'openai', model: 'mini', startedAt: t0 + 86_400_000, label: 'chat', totalCost: 8}),
    ].map(({day: _day, ...row}) => row);
    let log: LlmCallLog;

    beforeEach(async () => {
      log = openLog();
      await log.importCalls(rows);
      await log.database.bodies.add({
        id: 'b2',
        traceId: 'trace-b',
        request: {userPrompt: 'Q'},
        response: {text: 'A', reasoning: ''},
      });
    });

    it('reads pages and breakdowns as Observables', async () => {
      expect((await firstValueFrom(log.recentCalls({provider: 'openai', limit: 2}))).map(call => call.id)).toEqual([
        'c1',
        'a2',
      ]);
      expect(
        (await firstValueFrom(log.breakdown('provider', {from: t0 + 1}))).map(group => [group.key, group.calls]),
      ).toEqual([
        ['anthropic', 1],
        ['gemini', 1],
        ['openai', 2],
      ]);
    });

    it('updates live queries when rows are written', async () => {
      const seen: number[] = [];
      const subscription: Subscription = log.totals().subscribe(totals => seen.push(totals.calls));
      await firstValueFrom(log.totals().pipe(filter(totals => totals.calls === 5)));
      await runCalls(log, 2);
      await log.flush();
      await firstValueFrom(
        log.totals().pipe(
          filter(totals => totals.calls === 7),
          timeout(5_000),
        ),
      );
      await new Promise(resolve => setTimeout(resolve, 50));
      subscription.unsubscribe();
      expect(seen[0]).toBe(5);
      expect(seen.at(-1)).toBe(7);
    });

    it('gives one call with its body and every attempt of its trace', async () => {
      const details = await firstValueFrom(log.callDetails('b2'));
      expect(details?.call.provider).toBe('gemini');
      expect(details?.body?.response).toEqual({text: 'A', reasoning: ''});
      expect(details?.attempts.map(call => call.id)).toEqual(['b1', 'b2']);
      expect(await firstValueFrom(log.callDetails('unknown'))).toBeUndefined();
    });

    it('exports every row as JSON that imports back, and as RFC 4180 CSV', async () => {
      const json = await log.exportCalls('json');
      const exported = JSON.parse(json) as {id: string; day: string}[];
      expect(exported.map(call => call.id)).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
      expect(exported[0].day).toBe('2025-03-01');

      const csv = await log.exportCalls('csv', {provider: 'openai'});
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe(LLM_CALL_CSV_COLUMNS.join(','));
      expect(lines).toHaveSize(5);
      expect(lines.at(-1)).toBe('');
      expect(lines[1].split(',')[0]).toBe('a1');

      const copyName = uniqueDatabaseName();
      const copy = createLlmCallLog({databaseName: copyName});
      try {
        await copy.importCalls(JSON.parse(json));
        expect(await copy.database.calls.orderBy('startedAt').toArray()).toEqual(
          await log.database.calls.orderBy('startedAt').toArray(),
        );
      } finally {
        await copy.close();
        await deleteDatabase(copyName);
      }
    });

    it('imports rows exported before outputName (schema version 3) with outputName null', async () => {
      const {outputName: _outputName, day: _day, ...older} = callRow({id: 'old', outputName: 'ignored'});
      await log.importCalls([older]);
      expect((await log.database.calls.get('old'))?.outputName).toBeNull();
      await log.importCalls([callRow({id: 'new', outputName: 'contact'})], {replaceExisting: false});
      expect((await log.database.calls.get('new'))?.outputName).toBe('contact');
    });

    it('imports rows exported before tool loops (schema version 4) with loopId, step and toolCallCount null', async () => {
      const {loopId: _loopId, step: _step, toolCallCount: _count, ...older} = callRow({id: 'old', loopId: 'ignored'});
      await log.importCalls([older]);
      expect(await log.database.calls.get('old')).toEqual({...older, loopId: null, step: null, toolCallCount: null});
      await log.importCalls([callRow({id: 'new', loopId: 'loop-1', step: 2, toolCallCount: 1})]);
      const imported = await log.database.calls.get('new');
      expect([imported?.loopId, imported?.step, imported?.toolCallCount]).toEqual(['loop-1', 2, 1]);
    });

    it('clears every row and body', async () => {
      await log.clear();
      expect(await log.database.calls.count()).toBe(0);
      expect(await log.database.bodies.count()).toBe(0);
    });
  });

  it('applies retention on open and on demand', async () => {
    const now = Date.now();
    const first = openLog();
    await first.importCalls(
      [1, 2, 3, 4].map(hoursAgo => callRow({id: `h${hoursAgo}`, startedAt: now - hoursAgo * 3_600_000})),
    );
    const trimmed = openLog({retention: {maxRows: 3, maxAgeMs: 2.5 * 3_600_000}});
    await trimmed.open();
    expect((await trimmed.database.calls.toCollection().primaryKeys()).sort()).toEqual(['h1', 'h2']);
    await trimmed.importCalls([callRow({id: 'new1', startedAt: now}), callRow({id: 'new2', startedAt: now + 1})]);
    expect(await trimmed.applyRetention()).toBe(1);
    expect((await trimmed.database.calls.toCollection().primaryKeys()).sort()).toEqual(['h1', 'new1', 'new2']);
  });

  it('marks rows of a closed log interrupted on the next open, never those of a live one', async () => {
    const closedTab = openLog();
    const liveTab = openLog();
    const hanging = (log: LlmCallLog) =>
      loggedLlm(new MockLlm({script: {chunks: ['…'], hang: true}}), {log})
        .stream({userPrompt: 'x'})
        .subscribe();
    const running = [hanging(closedTab), hanging(liveTab)];
    await Promise.all([closedTab.flush(), liveTab.flush()]);
    // Closing while a call runs leaves its row in-progress, as a closed tab does.
    await closedTab.close();

    const next = openLog();
    await next.open();
    const rows = await next.database.calls.toArray();
    expect(rows.map(row => row.status).sort()).toEqual(['in-progress', 'interrupted']);
    running.forEach(subscription => subscription.unsubscribe());
    await liveTab.flush();
    expect((await next.database.calls.toArray()).map(row => row.status).sort()).toEqual(['cancelled', 'interrupted']);
  });

  it('loses nothing when two instances on one database write at once', async () => {
    const first = openLog();
    const second = openLog();
    await Promise.all([runCalls(first, 25), runCalls(second, 25)]);
    await Promise.all([first.flush(), second.flush()]);
    expect(await first.database.calls.count()).toBe(50);
    expect(await second.database.bodies.count()).toBe(50);
    expect(new Set((await first.database.calls.toArray()).map(row => row.sessionId)).size).toBe(2);
    expect(reported).toEqual([]);
  });

  it('keeps records in memory over quota, reports once, and writes them when space is back', async () => {
    let isFull = true;
    const log = openLog();
    const seen: LlmLogError[] = [];
    log.errors.subscribe(error => seen.push(error));
    log.database.use({
      stack: 'dbcore',
      name: 'simulated-quota',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: tableName => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request: DBCoreMutateRequest) =>
              isFull && request.type === 'put'
                ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
                : table.mutate(request),
          };
        },
      }),
    });
    await runCalls(log, 2);
    await log.flush();
    await runCalls(log, 1);
    await log.flush();
    expect(reported.map(error => error.kind)).toEqual(['quota']);
    expect(seen).toEqual(reported);
    expect(log.pendingRecords).toBe(3);
    expect(await log.database.calls.count()).toBe(0);

    isFull = false;
    await log.flush();
    expect(log.pendingRecords).toBe(0);
    expect((await log.database.calls.toArray()).map(row => row.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('works without IndexedDB: calls go on, the failure is reported once, records wait in a bounded buffer', async () => {
    const log = openLog({databaseOptions: {indexedDB: undefined}, maxPendingRecords: 2});
    const llm = loggedLlm(new MockLlm({script: {chunks: ['still ', 'works']}}), {log});
    for (let call = 0; call < 3; call++) {
      expect((await firstValueFrom(llm.stream({userPrompt: 'x'}).pipe(collectResponse()))).content).toBe('still works');
    }
    await log.flush();
    await log.flush();
    expect(reported.map(error => error.kind).sort()).toEqual(['dropped', 'unavailable']);
    expect(log.pendingRecords).toBe(2);
  });

  it('keeps records while an older tab blocks the upgrade, and writes them once it closes', async () => {
    const olderTab = new Dexie(databaseName);
    olderTab.version(1).stores(V1_STORES);
    // An old tab that ignores the upgrade request, as a page without Dexie's default handler does.
    olderTab.on('versionchange', () => false);
    await olderTab.open();

    const log = openLog();
    const blocked = firstValueFrom(log.errors.pipe(timeout(5_000)));
    await runCalls(log, 2);
    expect((await blocked).kind).toBe('blocked');
    expect(log.pendingRecords).toBe(2);

    olderTab.close();
    await log.flush();
    expect(await log.database.calls.count()).toBe(2);
    expect(log.database.verno).toBe(5);
  });
});
