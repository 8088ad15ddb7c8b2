import {
  cascade,
  type Llm,
  type LlmAttempt,
  type LlmAttemptStart,
  type LlmChunk,
  LlmCascadeError,
  LlmProviderError,
  type LlmRequest,
  type LlmUsage,
  retryBeforeFirstChunk,
} from 'llm-rx';
import {createLlmTestScheduler, MockLlm, type MockLlmScript} from 'llm-rx/testing';
import type {SchedulerLike} from 'rxjs';

// Attempts through the wrappers, with children that report their requests as providers do (MockLlm uses
// reportLlmAttempt): every request is listed once, in order, by usage.attempts, the error's attempts and onAttempt.

const failing = (provider: string, statusCode = 503, delayMs = 1): MockLlmScript => ({
  // A new error per call: each carries its own attempts.
  error: new LlmProviderError(`${provider} failed with ${statusCode}`, {provider, statusCode}),
  delayMs,
});
const answering: MockLlmScript = {chunks: ['Hel', 'lo'], delayMs: 1};

function mock(provider: string, scheduler: SchedulerLike, ...script: MockLlmScript[]): MockLlm {
  return new MockLlm({provider, model: `${provider}-model`, script, scheduler});
}

function retried(llm: Llm, scheduler: SchedulerLike, count = 2): Llm {
  return {
    provider: llm.provider,
    model: llm.model,
    stream: request =>
      llm.stream(request).pipe(retryBeforeFirstChunk({count, initialDelayMs: 2, jitter: false, scheduler})),
  };
}

/** Subscribes once, in virtual time, and keeps what came out and what the hook was told. */
function run(build: (scheduler: SchedulerLike) => Llm) {
  const scheduler = createLlmTestScheduler();
  const told: {start: LlmAttemptStart; ended?: LlmAttempt}[] = [];
  const result: {chunks: LlmChunk[]; error?: unknown; usage?: LlmUsage} = {chunks: []};
  scheduler.run(() => {
    const request: LlmRequest = {
      userPrompt: 'Hi',
      onAttempt: start => {
        const entry: {start: LlmAttemptStart; ended?: LlmAttempt} = {start};
        told.push(entry);
        return ended => (entry.ended = ended);
      },
    };
    build(scheduler)
      .stream(request)
      .subscribe({
        next: chunk => {
          result.chunks.push(chunk);
          if (chunk.type === 'usage') result.usage = chunk.usage;
        },
        error: error => (result.error = error),
      });
  });
  return {...result, told};
}

const who = (attempts: readonly LlmAttempt[]) => attempts.map(attempt => `${attempt.provider}:${attempt.outcome}`);

describe('attempts through retries and cascades', () => {
  it('lists every retried request in the usage, tells onAttempt of each, and times the call from its start', () => {
    const {usage, told} = run(scheduler =>
      retried(mock('a', scheduler, failing('a'), failing('a'), answering), scheduler),
    );
    expect(who(usage!.attempts)).toEqual(['a:error', 'a:error', 'a:ok']);
    expect(told.map(entry => entry.ended)).toEqual([...usage!.attempts]);
    // Requests at frames 0, 3 (after a wait of 2) and 8 (after 4); the answer's first chunk at 9, its end at 11.
    expect(usage!.timeToFirstChunkMs).toBe(9);
    expect(usage!.responseTimeMs).toBe(11);
    expect(usage!.attempts.map(attempt => attempt.durationMs)).toEqual([1, 1, 3]);
  });

  it('lists every request in the error when the retries run out', () => {
    const {error, told} = run(scheduler =>
      retried(mock('a', scheduler, failing('a'), failing('a'), failing('a')), scheduler),
    );
    expect(LlmProviderError.isInstance(error)).toBeTrue();
    expect(who((error as LlmProviderError).attempts)).toEqual(['a:error', 'a:error', 'a:error']);
    expect(told.length).toBe(3);
    expect(told.every(entry => entry.ended?.outcome === 'error')).toBeTrue();
  });

  it("lists a cascade child's retries one by one", () => {
    const {usage, told} = run(scheduler =>
      cascade(
        [
          retried(mock('a', scheduler, failing('a'), failing('a'), failing('a')), scheduler),
          mock('b', scheduler, answering),
        ],
        {
          scheduler,
        },
      ),
    );
    expect(who(usage!.attempts)).toEqual(['a:error', 'a:error', 'a:error', 'b:ok']);
    expect(told.map(entry => entry.start.provider)).toEqual(['a', 'a', 'a', 'b']);
  });

  it("lists the outer cascade's failed attempts when a nested cascade fails last", () => {
    const {error} = run(scheduler =>
      cascade(
        [mock('a', scheduler, failing('a', 500)), cascade([mock('b', scheduler, failing('b', 500))], {scheduler})],
        {
          scheduler,
        },
      ),
    );
    expect(LlmCascadeError.isInstance(error)).toBeTrue();
    expect(who((error as LlmCascadeError).attempts)).toEqual(['a:error', 'b:error']);
    expect((error as LlmCascadeError).message).toContain('all 2 attempts');
  });

  it('fails over from a nested cascade whose children all failed to the next child', () => {
    const {usage} = run(scheduler =>
      cascade(
        [
          cascade([mock('a', scheduler, failing('a')), mock('b', scheduler, failing('b', 529))], {scheduler}),
          mock('c', scheduler, answering),
        ],
        {scheduler},
      ),
    );
    expect(who(usage!.attempts)).toEqual(['a:error', 'b:error', 'c:ok']);
    expect(usage!.provider).toBe('c');
  });

  it('lists every attempt in an error after content, and ends a cut attempt as cancelled', () => {
    const afterContent: MockLlmScript = {
      chunks: ['Hel'],
      error: new LlmProviderError('b dropped', {provider: 'b'}),
      delayMs: 1,
    };
    const {error} = run(scheduler =>
      cascade([mock('a', scheduler, failing('a')), mock('b', scheduler, afterContent)], {scheduler}),
    );
    expect(who((error as LlmProviderError).attempts)).toEqual(['a:error', 'b:error']);

    const scheduler = createLlmTestScheduler();
    const told: string[] = [];
    scheduler.run(({expectObservable}) => {
      const llm = retried(mock('a', scheduler, failing('a'), {chunks: ['x'], delayMs: 10}), scheduler);
      const request: LlmRequest = {
        userPrompt: 'Hi',
        onAttempt: start => {
          told.push(`${start.provider}:start`);
          return ended => told.push(`${ended.provider}:${ended.outcome}`);
        },
      };
      // Unsubscribed during the second request.
      expectObservable(llm.stream(request), '^------!').toBe('-------');
    });
    expect(told).toEqual(['a:start', 'a:error', 'a:start', 'a:cancelled']);
  });

  it("gives the call's usage the answering attempt's response id and model, through retries and a cascade", () => {
    const named = (id: string): MockLlmScript => ({...answering, responseId: id, responseModel: `${id}-model-v2`});
    const {usage} = run(scheduler =>
      cascade(
        [mock('a', scheduler, failing('a')), retried(mock('b', scheduler, failing('b'), named('b2')), scheduler)],
        {
          scheduler,
        },
      ),
    );
    expect(who(usage!.attempts)).toEqual(['a:error', 'b:error', 'b:ok']);
    expect(usage).toEqual(jasmine.objectContaining({responseId: 'b2', responseModel: 'b2-model-v2'}));
    expect(usage!.attempts.map(attempt => attempt.responseId)).toEqual([undefined, undefined, 'b2']);
  });
});
