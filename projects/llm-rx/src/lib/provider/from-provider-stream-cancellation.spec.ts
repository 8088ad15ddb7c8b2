import {LlmAbortError} from '../errors/llm-abort-error';
import {LlmInvalidRequestError} from '../errors/llm-invalid-request-error';
import {LlmTimeoutError} from '../errors/llm-timeout-error';
import {
  type EventChannel,
  events,
  finish,
  MODEL,
  PROVIDER,
  Recorder,
  settle,
  until,
  useProviderStreamSpec,
} from '@llm-rx/spec-support';

describe('fromProviderStream cancellation', () => {
  const spec = useProviderStreamSpec();

  it('is cold: nothing starts before subscribe, and each subscription opens its own request', async () => {
    const stream = spec.streamOf({userPrompt: 'Hi'});
    await settle();
    expect(spec.open).not.toHaveBeenCalled();
    const first = new Recorder(stream);
    const second = new Recorder(stream);
    await until(() => spec.fixture.channels.length === 2, 'two opens');
    expect(spec.open).toHaveBeenCalledTimes(2);
    expect(spec.fixture.signals[0]).not.toBe(spec.fixture.signals[1]);
    spec.fixture.channels[0].push({type: 'text-delta', text: 'one'}, finish('stop', 'stop'));
    spec.fixture.channels[0].end();
    await until(() => first.isSettled, 'the first completion');
    expect(first.isComplete).toBeTrue();
    expect(second.chunks).toEqual([]);
    second.subscription.unsubscribe();
  });

  it('fails an invalid request before spec.open is called', async () => {
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi', temperature: 3}));
    expect(recorder.hasErrored).toBeTrue();
    expect(LlmInvalidRequestError.isInstance(recorder.error)).toBeTrue();
    expect((recorder.error as LlmInvalidRequestError).field).toBe('temperature');
    await settle();
    expect(spec.open).not.toHaveBeenCalled();
  });

  it('aborts the signal given to spec.open when the subscriber unsubscribes', async () => {
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}));
    await until(() => spec.fixture.channels.length === 1, 'open');
    spec.fixture.channels[0].push({type: 'text-delta', text: 'Hel'});
    await until(() => recorder.chunks.length === 1, 'the first chunk');
    expect(spec.fixture.signals[0].aborted).toBeFalse();
    recorder.subscription.unsubscribe();
    expect(spec.fixture.signals[0].aborted).toBeTrue();
  });

  // OpenAI and Anthropic end their event loop silently on abort; Gemini and Cohere throw an AbortError.
  const abortStyles: readonly [string, (channel: EventChannel) => void][] = [
    ['ends silently', channel => channel.end()],
    ['throws AbortError', channel => channel.fail(new DOMException('This operation was aborted', 'AbortError'))],
  ];
  for (const [abortStyle, onAbort] of abortStyles) {
    it(`lets no error reach anyone when an aborted stream ${abortStyle}`, async () => {
      spec.fixture.onAbort = onAbort;
      const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}));
      await until(() => spec.fixture.channels.length === 1, 'open');
      recorder.subscription.unsubscribe();
      await settle();
      expect(recorder.hasErrored).toBeFalse();
      expect(spec.mapError).not.toHaveBeenCalled();
      expect(spec.fixture.stoppedNotifications).toEqual([]);
    });
  }

  it('fails with an LlmAbortError caused by the reason, and aborts the request, when the outer signal aborts', async () => {
    const outer = new AbortController();
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi', signal: outer.signal}));
    await until(() => spec.fixture.channels.length === 1, 'open');
    spec.fixture.channels[0].push({type: 'text-delta', text: 'Hel'});
    await until(() => recorder.chunks.length === 1, 'the first chunk');
    const reason = new Error('the user navigated away');
    outer.abort(reason);
    expect(LlmAbortError.isInstance(recorder.error)).toBeTrue();
    expect((recorder.error as LlmAbortError).cause).toBe(reason);
    expect((recorder.error as LlmAbortError).message).toContain('request.signal');
    expect((recorder.error as LlmAbortError).attempts.map(attempt => attempt.outcome))
      .withContext('the request sent counts as a cancelled attempt')
      .toEqual(['cancelled']);
    expect(spec.fixture.signals[0].aborted).toBeTrue();
    await settle();
    expect(spec.mapError).not.toHaveBeenCalled();
    expect(spec.fixture.stoppedNotifications).toEqual([]);
  });

  it('fails at once with an LlmAbortError for an outer signal that was already aborted, without opening', async () => {
    const outer = new AbortController();
    const reason = new Error('cancelled early');
    outer.abort(reason);
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi', signal: outer.signal}));
    expect(LlmAbortError.isInstance(recorder.error)).toBeTrue();
    expect((recorder.error as LlmAbortError).cause).toBe(reason);
    expect((recorder.error as LlmAbortError).attempts)
      .withContext('nothing was sent')
      .toEqual([]);
    await settle();
    expect(spec.open).not.toHaveBeenCalled();
  });

  it('stops listening to the outer signal once the stream completed', async () => {
    const outer = new AbortController();
    spec.open.and.callFake(async () => events({type: 'text-delta', text: 'Hi'}, finish('stop', 'stop')));
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi', signal: outer.signal}));
    await until(() => recorder.isSettled, 'completion');
    expect(recorder.isComplete).toBeTrue();
    outer.abort(new Error('too late'));
    await settle();
    expect(recorder.hasErrored).toBeFalse();
    expect(spec.fixture.stoppedNotifications).toEqual([]);
  });

  it('applies the first-chunk timeout and aborts the stalled request', async () => {
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}, {firstChunkTimeoutMs: 30}));
    await until(() => recorder.isSettled, 'the timeout');
    expect(LlmTimeoutError.isInstance(recorder.error)).toBeTrue();
    expect((recorder.error as LlmTimeoutError).info).toEqual(
      jasmine.objectContaining({kind: 'first-chunk', timeoutMs: 30, provider: PROVIDER, model: MODEL, chunksSeen: 0}),
    );
    expect(spec.fixture.signals[0].aborted).toBeTrue();
    await settle();
    expect(spec.mapError).not.toHaveBeenCalled();
  });
});
