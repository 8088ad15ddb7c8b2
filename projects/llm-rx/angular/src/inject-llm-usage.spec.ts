import {PLATFORM_ID, provideZonelessChangeDetection, signal} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {type Llm, LlmConfigurationError} from 'llm-rx';
import {
  createLlmCallLog,
  type LlmCallFilter,
  type LlmCallGrouping,
  type LlmCallLog,
  type LlmCallPage,
  type LlmCallStats,
  loggedLlm,
} from 'llm-rx/logging';
import {MockLlm} from 'llm-rx/testing';
import {lastValueFrom, Observable, Subject} from 'rxjs';
import {injectLlmUsage} from './inject-llm-usage';
import {LlmStream} from './llm-stream';
import type {LlmUsageLog} from './llm-tokens';
import {type LlmFeature, provideLlm, withLogging, withModel} from './provide-llm';

// LlmUsageLog is spelled out apart from LlmCallLog (so that llm-rx/angular's types need no Dexie): this line stops
// compiling if the two drift apart.
const _callLogIsUsageLog = (log: LlmCallLog): LlmUsageLog => log;

/** A log whose queries are Subjects the spec drives, recording what was asked. */
class FakeUsageLog implements LlmUsageLog {
  readonly asked: {query: string; filter: LlmCallFilter | LlmCallPage; grouping?: LlmCallGrouping}[] = [];
  readonly results = new Subject<never>();

  totals(filter: LlmCallFilter = {}): Observable<LlmCallStats> {
    this.asked.push({query: 'totals', filter});
    return this.results;
  }

  breakdown(grouping: LlmCallGrouping, filter: LlmCallFilter = {}): Observable<never> {
    this.asked.push({query: 'breakdown', filter, grouping});
    return this.results;
  }

  recentCalls(page: LlmCallPage = {}): Observable<never> {
    this.asked.push({query: 'recentCalls', filter: page});
    return this.results;
  }
}

function setUp(...features: LlmFeature[]): void {
  TestBed.configureTestingModule({providers: [provideZonelessChangeDetection(), provideLlm(...features)]});
}

const passThrough = (llm: Llm) => llm;

/** Waits (on real timers) until a condition holds, for Dexie's asynchronous live queries. */
async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

describe('injectLlmUsage', () => {
  it('exposes the log queries as signals, re-querying when the filter changes', () => {
    const log = new FakeUsageLog();
    setUp(withLogging(passThrough, {log}));
    const provider = signal('openai');
    const usage = TestBed.runInInjectionContext(() => injectLlmUsage({filter: () => ({provider: provider()})}));
    const byModel = usage.breakdown('model');
    const recent = usage.recentCalls({limit: 5});
    TestBed.tick();
    expect(log.asked).toEqual([
      {query: 'totals', filter: {provider: 'openai'}},
      {query: 'breakdown', filter: {provider: 'openai'}, grouping: 'model'},
      {query: 'recentCalls', filter: {provider: 'openai', limit: 5}},
    ]);
    expect(usage.totals()).toBeUndefined();
    const result = {calls: 2} as never;
    log.results.next(result);
    expect([usage.totals(), byModel(), recent()]).toEqual([result, result, result]);

    provider.set('anthropic');
    TestBed.tick();
    expect(log.asked.slice(3).map(asked => asked.filter)).toEqual([
      {provider: 'anthropic'},
      {provider: 'anthropic'},
      {provider: 'anthropic', limit: 5},
    ]);
  });

  it('says how to configure the log when withLogging() gave none', () => {
    setUp(withLogging(passThrough, {}));
    expect(() => TestBed.runInInjectionContext(() => injectLlmUsage())).toThrowMatching(
      error => LlmConfigurationError.isInstance(error) && error.message.includes('withLogging(loggedLlm'),
    );
  });

  it('stays undefined on the server, without making the log', () => {
    let logsMade = 0;
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        {provide: PLATFORM_ID, useValue: 'server'},
        provideLlm(
          withLogging(passThrough, () => {
            logsMade++;
            return {log: new FakeUsageLog()};
          }),
        ),
      ],
    });
    const usage = TestBed.runInInjectionContext(() => injectLlmUsage());
    TestBed.tick();
    expect(usage.totals()).toBeUndefined();
    expect(usage.breakdown('day')()).toBeUndefined();
    expect(logsMade).toBe(0);
  });

  describe('with llm-rx/logging', () => {
    let log: LlmCallLog | undefined;

    afterEach(async () => {
      await log?.database.delete();
      log = undefined;
    });

    it('counts the calls of LlmStream, live', async () => {
      const databaseName = `llm-rx-angular-usage-${Date.now()}-${Math.random()}`;
      setUp(
        withModel('fast', new MockLlm({script: {chunks: ['Hi'], tokens: {inputTokens: 7, outputTokens: 3}}})),
        withLogging(loggedLlm, () => ({log: (log = createLlmCallLog({databaseName})), label: 'spec'})),
      );
      const stream = TestBed.inject(LlmStream);
      // The log is made at the first call.
      await lastValueFrom(stream.stream({userPrompt: 'Hello'}, {model: 'fast'}));
      const usage = TestBed.runInInjectionContext(() => injectLlmUsage());
      await log!.flush();
      await until(() => usage.totals()?.calls === 1);
      await lastValueFrom(stream.stream({userPrompt: 'Hello again'}, {model: 'fast'}));
      await log!.flush();
      await until(() => usage.totals()?.calls === 2);
      expect(usage.totals()?.inputTokens).toBe(14);
      expect(usage.totals()?.outputTokens).toBe(6);
    });
  });
});
