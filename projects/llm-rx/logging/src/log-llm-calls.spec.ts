import {
  cascade,
  collectResponse,
  isCascade,
  type LlmChunk,
  LlmProviderError,
  type LlmTokenCounts,
  type LlmCost,
  type LlmUsage,
} from 'llm-rx';
import {createLlmTestScheduler, MockLlm} from 'llm-rx/testing';
import {catchError, EMPTY, firstValueFrom, lastValueFrom, of, toArray} from 'rxjs';
import {createLlmCallLog} from './create-llm-call-log';
import type {LlmCallLog} from './llm-call-log';
import {loggedLlm, logLlmCalls} from './log-llm-calls';
import {deleteDatabase, uniqueDatabaseName} from '@llm-rx/spec-support';

import {billed, request} from './log-llm-calls-fixtures';

describe('loggedLlm', () => {
  let databaseName: string;
  let log: LlmCallLog;

  beforeEach(() => {
    databaseName = uniqueDatabaseName();
    log = createLlmCallLog({databaseName});
  });

  afterEach(async () => {
    await log.close();
    await deleteDatabase(databaseName);
  });

  it('passes the very same chunks, in the same frames, as the unlogged stream', () => {
    const chunks: LlmChunk[] = [
      {type: 'reasoning-delta', text: 'thinking'},
      {type: 'text-delta', text: 'Hel'},
      {type: 'text-delta', text: 'lo'},
    ];
    createLlmTestScheduler().run(({expectObservable}) => {
      const mock = new MockLlm({script: {chunks, delayMs: [2, 3, 1, 4], tokens: {inputTokens: 5}}});
      expectObservable(loggedLlm(mock, {log}).stream(request)).toEqual(mock.stream(request));
    });
    const seen: LlmChunk[] = [];
    loggedLlm(new MockLlm({script: {chunks}}), {log})
      .stream(request)
      .subscribe(chunk => seen.push(chunk));
    expect(seen.slice(0, 3)).toHaveSize(3);
    seen.slice(0, 3).forEach((chunk, index) => expect(chunk).toBe(chunks[index]));
    expect(seen[3].type).toBe('usage');
  });

  it('keeps the provider and model of the wrapped Llm', () => {
    const logged = loggedLlm(new MockLlm({provider: 'openai', model: 'gpt-5-mini', script: {}}), {log});
    expect([logged.provider, logged.model]).toEqual(['openai', 'gpt-5-mini']);
  });

  it('keeps the cascade marker, so that a retry around it still leaves the cascade to its children', () => {
    const child = () => new MockLlm({script: {}});
    expect(isCascade(loggedLlm(cascade([child(), child()]), {log}))).toBeTrue();
    expect(isCascade(loggedLlm(child(), {log}))).toBeFalse();
  });

  it('writes a row when the call starts and finishes it when it is cancelled, with the partial text', async () => {
    const mock = new MockLlm({script: {chunks: ['par', 'tial'], hang: true}});
    const subscription = loggedLlm(mock, {log, label: 'greeter'}).stream(request).subscribe();
    await log.flush();
    const [running] = await log.database.calls.toArray();
    expect(running).toEqual(jasmine.objectContaining({status: 'in-progress', label: 'greeter', endedAt: null}));
    expect((await log.database.bodies.get(running.id))?.request).toEqual({
      systemPrompt: 'Be brief.',
      userPrompt: 'Say hello',
      temperature: 0.3,
    });

    subscription.unsubscribe();
    await log.flush();
    const rows = await log.database.calls.toArray();
    expect(rows).toHaveSize(1);
    expect(rows[0]).toEqual(jasmine.objectContaining({id: running.id, status: 'cancelled', inputTokens: null}));
    expect(rows[0].endedAt).toBeGreaterThanOrEqual(rows[0].startedAt);
    expect((await log.database.bodies.get(running.id))?.response).toEqual({text: 'partial', reasoning: ''});
  });

  it('writes one row per attempt for completed, failed, cancelled and cascaded calls; totals equal the usages', async () => {
    const usages: (LlmTokenCounts & LlmCost)[] = [];
    const keepUsage = (chunks: LlmChunk[]) =>
      chunks.forEach(chunk => chunk.type === 'usage' && usage(chunk.usage).forEach(part => usages.push(part)));

    // 1 row: completed.
    const ok = new MockLlm({
      provider: 'openai',
      script: {chunks: ['Hi'], tokens: {inputTokens: 11, outputTokens: 7}, cost: {totalCost: 0.5}},
    });
    keepUsage(await lastValueFrom(loggedLlm(ok, {log}).stream(request).pipe(toArray())));

    // 1 row: failed after content, with the usage the provider billed.
    const failure = new LlmProviderError('openai: stream broke', {provider: 'openai', usage: billed(13, 0.25)});
    usages.push(failure.usage!);
    const failing = new MockLlm({provider: 'openai', script: {chunks: ['Par'], error: failure}});
    await lastValueFrom(
      loggedLlm(failing, {log})
        .stream(request)
        .pipe(catchError(() => EMPTY)),
      {defaultValue: null},
    );

    // 1 row: cancelled.
    loggedLlm(new MockLlm({script: {chunks: ['x'], hang: true}}), {log})
      .stream(request)
      .subscribe()
      .unsubscribe();

    // 2 rows: a cascade that fails over once, the billed failure included.
    const overloaded = new LlmProviderError('anthropic: overloaded', {
      provider: 'anthropic',
      statusCode: 529,
      usage: billed(3, 0.125),
    });
    const primary = new MockLlm({provider: 'anthropic', model: 'claude', script: {error: overloaded}});
    const fallback = new MockLlm({
      provider: 'gemini',
      model: 'flash',
      script: {chunks: ['Hello'], tokens: {inputTokens: 17}, cost: {totalCost: 1}},
    });
    keepUsage(
      await lastValueFrom(
        loggedLlm(cascade([primary, fallback]), {log})
          .stream(request)
          .pipe(toArray()),
      ),
    );

    // 2 rows: a cascade where every child fails before content.
    const down = (provider: string) => new LlmProviderError(`${provider}: down`, {provider, statusCode: 503});
    const allDown = cascade([
      new MockLlm({provider: 'a', script: {error: down('a')}}),
      new MockLlm({provider: 'b', script: {error: down('b')}}),
    ]);
    await lastValueFrom(
      loggedLlm(allDown, {log})
        .stream(request)
        .pipe(catchError(() => EMPTY)),
      {defaultValue: null},
    );

    await log.flush();
    const rows = await log.database.calls.toArray();
    expect(rows).toHaveSize(7);
    expect(rows.map(row => row.status).sort()).toEqual(['cancelled', 'error', 'error', 'error', 'error', 'ok', 'ok']);
    const cascadeRows = rows.filter(row => row.attemptCount === 2);
    expect(cascadeRows).toHaveSize(4);
    expect(new Set(cascadeRows.map(row => row.traceId)).size).toBe(2);
    const answered = cascadeRows.filter(row => row.provider === 'anthropic' || row.provider === 'gemini');
    expect(answered.map(row => [row.attemptIndex, row.provider, row.status, row.inputTokens])).toEqual(
      jasmine.arrayWithExactContents([
        [0, 'anthropic', 'error', 3],
        [1, 'gemini', 'ok', 17],
      ]),
    );
    expect(answered[0].traceId).toBe(answered[1].traceId);

    const totals = await firstValueFrom(log.totals());
    const sum = (key: keyof (LlmTokenCounts & LlmCost)) => usages.reduce((total, part) => total + (part[key] ?? 0), 0);
    expect(totals.calls).toBe(7);
    expect(totals.inputTokens).toBe(sum('inputTokens'));
    expect(totals.outputTokens).toBe(sum('outputTokens'));
    expect(totals.totalCost).toBeCloseTo(sum('totalCost'), 10);
    expect(totals.inputTokens).toBe(11 + 13 + 3 + 17);
  });

  it('keeps the partial text of a failed call in its body', async () => {
    const failing = new MockLlm({
      script: {chunks: ['Half an ', 'answer'], error: new LlmProviderError('reset', {provider: 'mock-provider'})},
    });
    await lastValueFrom(
      loggedLlm(failing, {log})
        .stream(request)
        .pipe(catchError(() => EMPTY)),
      {defaultValue: null},
    );
    await log.flush();
    const [row] = await log.database.calls.toArray();
    expect(row).toEqual(
      jasmine.objectContaining({status: 'error', errorType: 'LlmProviderError', errorMessage: 'reset'}),
    );
    expect((await log.database.bodies.get(row.id))?.response?.text).toBe('Half an answer');
  });
});

describe('loggedLlm privacy options', () => {
  let databaseName: string;
  let log: LlmCallLog | undefined;

  beforeEach(() => (databaseName = uniqueDatabaseName()));

  afterEach(async () => {
    await log?.close();
    await deleteDatabase(databaseName);
  });

  it('passes every text of the body through the redaction hook', async () => {
    const kinds = new Set<string>();
    log = createLlmCallLog({
      databaseName,
      redact: (text, kind) => {
        kinds.add(kind);
        return text.replace(/[\w.]+@[\w.]+/g, '[email]');
      },
    });
    const mock = new MockLlm({
      script: {chunks: [{type: 'reasoning-delta', text: 'ask bob@example.com'}, 'Mail bob@example.com']},
    });
    await firstValueFrom(
      loggedLlm(mock, {log})
        .stream({systemPrompt: 'admin@example.com rules', userPrompt: 'Who is bob@example.com?'})
        .pipe(collectResponse()),
    );
    await log.flush();
    const [body] = await log.database.bodies.toArray();
    expect(body.request).toEqual({systemPrompt: '[email] rules', userPrompt: 'Who is [email]?'});
    expect(body.response).toEqual({text: 'Mail [email]', reasoning: 'ask [email]'});
    expect([...kinds].sort()).toEqual(['prompt', 'reasoning', 'response', 'system']);
    expect(JSON.stringify(await log.database.bodies.toArray())).not.toContain('example.com');
  });

  it('stores no body with storeBodies: false, and still every call', async () => {
    log = createLlmCallLog({databaseName, storeBodies: false});
    const llm = loggedLlm(new MockLlm({script: {chunks: ['secret answer']}}), {log});
    await firstValueFrom(llm.stream({userPrompt: 'secret question'}).pipe(collectResponse()));
    await firstValueFrom(llm.stream({userPrompt: 'secret question'}).pipe(collectResponse()));
    await log.flush();
    expect(await log.database.calls.count()).toBe(2);
    expect(await log.database.bodies.count()).toBe(0);
    for (const table of log.database.tables) expect(JSON.stringify(await table.toArray())).not.toContain('secret');
  });
});

describe('logLlmCalls', () => {
  const databaseName = uniqueDatabaseName();
  let log: LlmCallLog;

  beforeEach(() => (log = createLlmCallLog({databaseName})));

  afterEach(async () => {
    await log.close();
    await deleteDatabase(databaseName);
  });

  it('logs a stream that is not behind an Llm under the given provider and model', async () => {
    const usage = new MockLlm({script: {}});
    const [usageChunk] = await lastValueFrom(usage.stream({userPrompt: 'x'}).pipe(toArray()));
    const chunks = await lastValueFrom(
      of({type: 'text-delta', text: 'Hi'} as LlmChunk, usageChunk)
        .pipe(logLlmCalls({log, provider: 'custom', model: 'custom-1', request: {userPrompt: 'Hello'}}))
        .pipe(toArray()),
    );
    expect(chunks).toHaveSize(2);
    await log.flush();
    const [row] = await log.database.calls.toArray();
    expect(row).toEqual(jasmine.objectContaining({status: 'ok', inputTokens: 10, outputTokens: 20}));
    // Usage names who answered; the operator's provider is the fallback while no usage came.
    expect([row.provider, row.model]).toEqual(['mock-provider', 'mock-model']);
    expect((await log.database.bodies.get(row.id))?.request).toEqual({userPrompt: 'Hello'});
  });
});

function usage(value: LlmUsage): (LlmTokenCounts & LlmCost)[] {
  // A usage with several attempts bills each; with one, the usage itself is the bill.
  return value.attempts.length > 1 ? value.attempts.map(attempt => attempt.usage!).filter(Boolean) : [value];
}
