import {LlmProviderError} from '../errors/llm-provider-error';
import {LlmTruncationError} from '../errors/llm-truncation-error';
import {LlmPriceTable} from '../pricing/llm-price-table';
import {events, finish, MODEL, PROVIDER, Recorder, TOKENS, until, useProviderStreamSpec} from '@llm-rx/spec-support';

describe('fromProviderStream', () => {
  const spec = useProviderStreamSpec();

  it('emits the content, then one usage part with tokens, timing and null cost for an unpriced model', async () => {
    const clock = jasmine.createSpy('clock').and.returnValues(1000, 1250, 1600);
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Why is the sky blue?'}, {clock}));
    await until(() => spec.fixture.channels.length === 1, 'open');
    spec.fixture.channels[0].push(
      {type: 'reasoning-delta', text: 'Rayleigh.'},
      {type: 'text-delta', text: 'Because of '},
      {type: 'text-delta', text: 'scattering.'},
      finish('stop', 'end_turn'),
    );
    spec.fixture.channels[0].end();
    await until(() => recorder.isSettled, 'completion');

    expect(recorder.hasErrored).toBeFalse();
    expect(recorder.chunks).toEqual([
      {type: 'reasoning-delta', text: 'Rayleigh.'},
      {type: 'text-delta', text: 'Because of '},
      {type: 'text-delta', text: 'scattering.'},
      {
        type: 'usage',
        usage: {
          provider: PROVIDER,
          model: MODEL,
          ...TOKENS,
          inputCost: null,
          outputCost: null,
          totalCost: null,
          timeToFirstChunkMs: 250,
          responseTimeMs: 600,
          finishReason: {unified: 'stop', raw: 'end_turn'},
          attempts: [
            {
              provider: PROVIDER,
              model: MODEL,
              outcome: 'ok',
              usage: {...TOKENS, inputCost: null, outputCost: null, totalCost: null},
              durationMs: 600,
              timeToFirstChunkMs: 250,
              finishReason: {unified: 'stop', raw: 'end_turn'},
            },
          ],
        },
      },
    ]);
    expect(clock).toHaveBeenCalledTimes(3);
  });

  it('prices the usage with an injected price table', async () => {
    const priceTable = LlmPriceTable.default.withPrices(PROVIDER, {
      'h4-priced-model': {inputPerMillion: 2, outputPerMillion: 10},
    });
    spec.open.and.callFake(async () => events({type: 'text-delta', text: 'Hi'}, finish('stop', 'stop')));
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}, {model: 'h4-priced-model', priceTable}));
    await until(() => recorder.isSettled, 'completion');
    const usagePart = recorder.chunks.at(-1);
    if (usagePart?.type !== 'usage') throw new Error('expected a usage part last');
    // The 2 cached tokens without a cache rate cost the input rate.
    expect(usagePart.usage.inputCost).toBeCloseTo((12 * 2) / 1e6, 12);
    expect(usagePart.usage.outputCost).toBeCloseTo((7 * 10) / 1e6, 12);
    expect(usagePart.usage.totalCost).toBeCloseTo((12 * 2 + 7 * 10) / 1e6, 12);
    expect(usagePart.usage.attempts[0].usage?.totalCost).toBe(usagePart.usage.totalCost);
  });

  it('reports a null time to first chunk when no content came', async () => {
    const clock = jasmine.createSpy('clock').and.returnValues(10, 35);
    spec.open.and.callFake(async () => events(finish('stop', 'stop')));
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}, {clock}));
    await until(() => recorder.isSettled, 'completion');
    expect(recorder.isComplete).toBeTrue();
    expect(recorder.chunks.length).toBe(1);
    const usagePart = recorder.chunks[0];
    expect(usagePart.type === 'usage' && usagePart.usage.timeToFirstChunkMs).toBeNull();
    expect(usagePart.type === 'usage' && usagePart.usage.responseTimeMs).toBe(25);
  });

  it('fails with a retryable provider error when the stream ends without a finish event', async () => {
    spec.open.and.callFake(async () => events({type: 'text-delta', text: 'Hel'}));
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}));
    await until(() => recorder.isSettled, 'the error');
    expect(recorder.chunks).toEqual([{type: 'text-delta', text: 'Hel'}]);
    expect(LlmProviderError.isInstance(recorder.error)).toBeTrue();
    const error = recorder.error as LlmProviderError;
    expect(error.isRetryable).toBeTrue();
    expect(error.provider).toBe(PROVIDER);
    expect(error.model).toBe(MODEL);
    expect(error.message).toContain('ended before its final event');
  });

  it('fails with a truncation error that keeps the partial content and usage when the finish reason is length', async () => {
    spec.open.and.callFake(async () =>
      events(
        {type: 'text-delta', text: 'The sky '},
        {type: 'reasoning-delta', text: '…'},
        {type: 'text-delta', text: 'is'},
        finish('length', 'max_tokens'),
      ),
    );
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi', maxTokens: 2}));
    await until(() => recorder.isSettled, 'the error');
    expect(recorder.chunks.map(chunk => chunk.type)).toEqual(['text-delta', 'reasoning-delta', 'text-delta']);
    expect(LlmTruncationError.isInstance(recorder.error)).toBeTrue();
    const error = recorder.error as LlmTruncationError;
    expect(error.partialContent).toBe('The sky is');
    expect(error.maxTokens).toBe(2);
    expect(error.usage.finishReason).toEqual({unified: 'length', raw: 'max_tokens'});
    expect(error.usage.outputTokens).toBe(TOKENS.outputTokens);
    expect(error.usage.provider).toBe(PROVIDER);
  });

  it('fails with a provider error carrying the usage when the finish reason is error', async () => {
    spec.open.and.callFake(async () => events({type: 'text-delta', text: 'Hel'}, finish('error', 'ERROR')));
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}));
    await until(() => recorder.isSettled, 'the error');
    expect(LlmProviderError.isInstance(recorder.error)).toBeTrue();
    const error = recorder.error as LlmProviderError;
    expect(error.message).toContain(`${PROVIDER} reported an error in its stream for ${MODEL}: ERROR`);
    expect(error.usage?.inputTokens).toBe(TOKENS.inputTokens);
    expect(recorder.chunks.some(chunk => chunk.type === 'usage')).toBeFalse();
  });

  it('fails with a provider error quoting an in-band error message, whatever the finish reason', async () => {
    spec.open.and.callFake(async () => events(finish('stop', 'COMPLETE', 'internal server error')));
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}));
    await until(() => recorder.isSettled, 'the error');
    expect(LlmProviderError.isInstance(recorder.error)).toBeTrue();
    const error = recorder.error as LlmProviderError;
    expect(error.message).toContain('internal server error');
    expect(error.responseBody).toBe('internal server error');
  });

  it("fails with mapError's result when spec.open rejects", async () => {
    const sdkError = Object.assign(new Error('401 Unauthorized'), {status: 401});
    const mapped = new LlmProviderError('llm-rx: rejected', {provider: PROVIDER, statusCode: 401, cause: sdkError});
    spec.mapError.and.returnValue(mapped);
    spec.open.and.callFake(async () => {
      throw sdkError;
    });
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}));
    await until(() => recorder.isSettled, 'the error');
    expect(spec.mapError).toHaveBeenCalledOnceWith(sdkError);
    expect(recorder.error).toBe(mapped);
  });

  it("fails with mapError's result when the events fail mid-stream, after the content so far", async () => {
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}));
    await until(() => spec.fixture.channels.length === 1, 'open');
    const dropped = new TypeError('terminated');
    spec.fixture.channels[0].push({type: 'text-delta', text: 'Hel'});
    spec.fixture.channels[0].fail(dropped);
    await until(() => recorder.isSettled, 'the error');
    expect(recorder.chunks).toEqual([{type: 'text-delta', text: 'Hel'}]);
    expect(spec.mapError).toHaveBeenCalledOnceWith(dropped);
    expect((recorder.error as LlmProviderError).cause).toBe(dropped);
  });

  it('fails with a provider error caused by the original when spec.mapError itself throws, instead of hanging', async () => {
    const sdkError = new Error('unexpected SDK shape');
    spec.mapError.and.throwError(new Error('mapper bug'));
    spec.open.and.callFake(async () => {
      throw sdkError;
    });
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}));
    await until(() => recorder.isSettled, 'the error');
    expect(LlmProviderError.isInstance(recorder.error)).toBeTrue();
    expect((recorder.error as LlmProviderError).isRetryable).toBeFalse();
    expect((recorder.error as LlmProviderError).message).toContain('unexpected SDK shape');
    expect((recorder.error as LlmProviderError).cause).toBe(sdkError);
  });

  for (const [label, recognise] of [
    ['returns no llm-rx error', () => 'a string'],
    [
      'throws',
      () => {
        throw new Error('mapper bug');
      },
    ],
  ] as const) {
    it(`maps the SDK's error as unrecognised when spec.mapError ${label}`, async () => {
      spec.mapError.and.callFake(recognise);
      spec.open.and.callFake(async () => {
        throw new Error('boom');
      });
      const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}));
      await until(() => recorder.isSettled, 'the error');
      const error = recorder.error as LlmProviderError;
      expect(LlmProviderError.isInstance(error)).toBeTrue();
      expect([error.kind, error.isRetryable]).toEqual(['other', false]);
      expect(error.message).toMatch(/ failed: boom$/);
      expect((error.cause as Error).message).toBe('boom');
    });
  }

  it('passes llm-rx errors through without asking mapError', async () => {
    const own = new LlmProviderError('llm-rx: own', {provider: 'p', statusCode: 503});
    spec.open.and.callFake(async () => {
      throw own;
    });
    const recorder = new Recorder(spec.streamOf({userPrompt: 'Hi'}));
    await until(() => recorder.isSettled, 'the error');
    expect(recorder.error).toBe(own);
    expect(spec.mapError).not.toHaveBeenCalled();
  });
});
