import {type LlmAttempt, type LlmAttemptStart, type LlmChunk, LlmProviderError, LlmTruncationError} from 'llm-rx';
import {createLlmTestScheduler, usagePart} from 'llm-rx/testing';
import {reportLlmAttempt} from './report-llm-attempt';

const text = (value: string): LlmChunk => ({type: 'text-delta', text: value});

/** A request whose hook records each start and each end, with the virtual frame it came at. */
function recordingRequest(scheduler: {now(): number}) {
  const events: {frame: number; start?: LlmAttemptStart; ended?: LlmAttempt}[] = [];
  const request = {
    userPrompt: 'Hi',
    onAttempt: (start: LlmAttemptStart) => {
      events.push({frame: scheduler.now(), start});
      return (ended: LlmAttempt) => events.push({frame: scheduler.now(), ended});
    },
  };
  return {events, request};
}

describe('reportLlmAttempt', () => {
  it('tells onAttempt at subscription and before the usage part, and puts the attempt in the usage part', () => {
    const scheduler = createLlmTestScheduler();
    const {events, request} = recordingRequest(scheduler);
    const usage = usagePart({
      provider: 'p',
      model: 'm',
      inputTokens: 3,
      timeToFirstChunkMs: 1,
      responseTimeMs: 3,
    }).usage;
    let seen: LlmChunk[] = [];
    scheduler.run(({cold, expectObservable}) => {
      const source = cold<LlmChunk>('-a-(u|)', {a: text('Hi'), u: {type: 'usage', usage: {...usage, attempts: []}}});
      const reported = source.pipe(
        reportLlmAttempt(request, {provider: 'p', model: 'm', clock: () => scheduler.now()}),
      );
      expectObservable(reported).toBe('-a-(u|)', {a: text('Hi'), u: usagePart({...usage, attempts: undefined})});
      reported.subscribe(chunk => (seen = [...seen, chunk]));
    });
    // Two subscriptions above (expectObservable and subscribe): two attempts, each started at frame 0.
    expect(events.map(event => [event.frame, event.start ? 'start' : 'end'])).toEqual([
      [0, 'start'],
      [0, 'start'],
      [3, 'end'],
      [3, 'end'],
    ]);
    expect(events[0].start).toEqual({provider: 'p', model: 'm', startedAt: jasmine.any(Number)});
    const ended = events[2].ended!;
    expect(ended).toEqual({
      provider: 'p',
      model: 'm',
      outcome: 'ok',
      usage: usagePart(usage).usage.attempts[0].usage!,
      durationMs: 3,
      timeToFirstChunkMs: 1,
      finishReason: {unified: 'stop', raw: 'stop'},
    });
    const last = seen.at(-1);
    expect(last?.type === 'usage' && last.usage.attempts).toEqual([ended]);
  });

  it('ends a failed attempt with its error and billed usage, and lists it in the error', () => {
    const scheduler = createLlmTestScheduler();
    const {events, request} = recordingRequest(scheduler);
    const billed = {...usagePart({inputTokens: 5}).usage.attempts[0].usage!};
    const failure = new LlmProviderError('down', {provider: 'p', statusCode: 500, usage: billed});
    scheduler.run(({cold, expectObservable}) => {
      const source = cold<LlmChunk>('-a--#', {a: text('Hi')}, failure);
      expectObservable(
        source.pipe(reportLlmAttempt(request, {provider: 'p', model: 'm', clock: () => scheduler.now()})),
      ).toBe('-a--#', {a: text('Hi')}, failure);
    });
    const ended = events[1].ended!;
    expect(ended).toEqual({
      provider: 'p',
      model: 'm',
      outcome: 'error',
      error: failure,
      usage: billed,
      durationMs: 4,
      timeToFirstChunkMs: 1,
    });
    expect(failure.attempts).toEqual([ended]);
    expect(JSON.stringify(failure)).withContext('the attempts are not enumerable').not.toContain('outcome');
  });

  it('gives a truncation its usage with the attempt, and ends it as an error with the finish reason', () => {
    const scheduler = createLlmTestScheduler();
    const {events, request} = recordingRequest(scheduler);
    const usage = usagePart({outputTokens: 9, finishReason: {unified: 'length', raw: 'max_tokens'}}).usage;
    const truncation = new LlmTruncationError('Hel', usage, 9);
    let caught: unknown;
    scheduler.run(({cold}) => {
      cold<LlmChunk>('-a#', {a: text('Hel')}, truncation)
        .pipe(reportLlmAttempt(request, {provider: 'p', model: 'm', clock: () => scheduler.now()}))
        .subscribe({error: error => (caught = error)});
    });
    const ended = events[1].ended!;
    expect(ended.outcome).toBe('error');
    expect(ended.finishReason).toEqual({unified: 'length', raw: 'max_tokens'});
    expect(ended.usage?.outputTokens).toBe(9);
    expect(LlmTruncationError.isInstance(caught)).toBeTrue();
    expect((caught as LlmTruncationError).usage.attempts).toEqual([ended]);
    expect((caught as LlmTruncationError).attempts).toEqual([ended]);
    expect((caught as LlmTruncationError).partialContent).toBe('Hel');
  });

  it('ends an unsubscribed attempt as cancelled, once', () => {
    const scheduler = createLlmTestScheduler();
    const {events, request} = recordingRequest(scheduler);
    scheduler.run(({cold, expectObservable}) => {
      const source = cold<LlmChunk>('-a-----b', {a: text('Hi'), b: text('!')});
      expectObservable(
        source.pipe(reportLlmAttempt(request, {provider: 'p', model: 'm', clock: () => scheduler.now()})),
        '^--!',
      ).toBe('-a-', {a: text('Hi')});
    });
    expect(events.map(event => event.ended?.outcome ?? 'start')).toEqual(['start', 'cancelled']);
    expect(events[1].ended).toEqual({
      provider: 'p',
      model: 'm',
      outcome: 'cancelled',
      durationMs: 3,
      timeToFirstChunkMs: 1,
    });
  });

  it('keeps the stream going when the hook throws, and reports the hook error on its own', async () => {
    const hookError = new Error('hook bug');
    const reported: unknown[] = [];
    spyOn(globalThis, 'setTimeout').and.callFake(((callback: () => void) => {
      try {
        callback();
      } catch (error) {
        reported.push(error);
      }
      return 0;
    }) as unknown as typeof setTimeout);
    const chunks: LlmChunk[] = [];
    createLlmTestScheduler().run(({cold}) => {
      cold<LlmChunk>('-(u|)', {u: usagePart()})
        .pipe(
          reportLlmAttempt(
            {
              userPrompt: 'Hi',
              onAttempt: () => {
                throw hookError;
              },
            },
            {provider: 'p', model: 'm'},
          ),
        )
        .subscribe(chunk => chunks.push(chunk));
    });
    expect(chunks.length).toBe(1);
    expect(reported).toEqual([hookError]);
  });

  it('needs no hook', () => {
    createLlmTestScheduler().run(({cold, expectObservable}) => {
      const source = cold<LlmChunk>('-(u|)', {u: usagePart({provider: 'p', model: 'm'})});
      expectObservable(source.pipe(reportLlmAttempt({userPrompt: 'Hi'}, {provider: 'p', model: 'm'}))).toBe('-(u|)', {
        u: usagePart({provider: 'p', model: 'm'}),
      });
    });
  });

  it("names the attempt after the usage's response id and model, keeping them out of its billed usage", () => {
    const scheduler = createLlmTestScheduler();
    const {events, request} = recordingRequest(scheduler);
    const usage = usagePart({provider: 'p', model: 'm', responseId: 'resp_1', responseModel: 'm-2025'}).usage;
    scheduler.run(({cold}) => {
      cold<LlmChunk>('-(u|)', {u: {type: 'usage', usage: {...usage, attempts: []}}})
        .pipe(reportLlmAttempt(request, {provider: 'p', model: 'm', clock: () => scheduler.now()}))
        .subscribe();
    });
    const ended = events[1].ended!;
    expect(ended).toEqual(jasmine.objectContaining({outcome: 'ok', responseId: 'resp_1', responseModel: 'm-2025'}));
    expect(Object.keys(ended.usage!)).not.toContain('responseId');
    expect(Object.keys(ended.usage!)).not.toContain('responseModel');
  });

  it("names a truncation's failed attempt after its usage's response id and model", () => {
    const usage = usagePart({responseId: 'resp_cut', responseModel: 'm-2025'}).usage;
    let error: unknown;
    createLlmTestScheduler().run(({cold}) => {
      cold<LlmChunk>('-#', {}, new LlmTruncationError('Hel', usage, 3))
        .pipe(reportLlmAttempt({userPrompt: 'Hi'}, {provider: 'p', model: 'm'}))
        .subscribe({error: (caught: unknown) => (error = caught)});
    });
    expect((error as LlmTruncationError).attempts).toEqual([
      jasmine.objectContaining({outcome: 'error', responseId: 'resp_cut', responseModel: 'm-2025'}),
    ]);
  });
});
