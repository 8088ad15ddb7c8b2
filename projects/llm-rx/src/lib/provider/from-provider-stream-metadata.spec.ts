import {events, finish, providerStreamOf, runStream} from '@llm-rx/spec-support';
import type {LlmUsage} from '../usage/llm-usage';
import {LlmTruncationError} from '../errors/llm-truncation-error';
import type {ProviderStreamEvent} from './provider-stream-event';

describe('fromProviderStream with response metadata', () => {
  beforeEach(() => {
    // The default pricer warns once about the unpriced model; keep the spec output clean.
    spyOn(console, 'warn');
  });

  function streamOf(...list: ProviderStreamEvent[]) {
    // A clock that moves ten steps per SDK event: the first chunk's time tells which event it was.
    let now = 0;
    const source = events(...list);
    const mapper = {next: (event: ProviderStreamEvent) => ((now += 10), event)};
    return providerStreamOf({
      request: {userPrompt: 'Hi'},
      open: async () => ({...source, mapper}),
      clock: () => now,
    });
  }

  function usageOf(chunks: readonly {readonly type: string}[]): LlmUsage {
    const last = chunks[chunks.length - 1] as {type: 'usage'; usage: LlmUsage};
    expect(last.type).toBe('usage');
    return last.usage;
  }

  it("puts the response's id and model in the usage and its attempt, and emits no chunk for them", async () => {
    const outcome = await runStream(
      streamOf(
        {type: 'response-metadata', responseId: 'resp_1', responseModel: 'model-2025-01-01'},
        {type: 'text-delta', text: 'Hi'},
        finish('stop', 'stop'),
      ),
    );
    expect(outcome.completed).toBeTrue();
    expect(outcome.chunks.map(chunk => chunk.type)).toEqual(['text-delta', 'usage']);
    const usage = usageOf(outcome.chunks);
    expect(usage).toEqual(jasmine.objectContaining({responseId: 'resp_1', responseModel: 'model-2025-01-01'}));
    expect(usage.attempts).toEqual([
      jasmine.objectContaining({outcome: 'ok', responseId: 'resp_1', responseModel: 'model-2025-01-01'}),
    ]);
    // Who answered is no part of what was billed.
    expect(Object.keys(usage.attempts[0].usage ?? {})).not.toContain('responseId');
    expect(Object.keys(usage.attempts[0].usage ?? {})).not.toContain('responseModel');
  });

  it('is no content: the first chunk is the text after it', async () => {
    const outcome = await runStream(
      streamOf({type: 'response-metadata', responseId: 'r'}, {type: 'text-delta', text: 'Hi'}, finish('stop', null)),
    );
    // The second SDK event, on the spec's clock.
    expect(usageOf(outcome.chunks).timeToFirstChunkMs).toBe(20);
  });

  it("keeps each field's last value, a later event without it leaving it as it was", async () => {
    const outcome = await runStream(
      streamOf(
        {type: 'response-metadata', responseId: 'first', responseModel: 'model-a'},
        {type: 'text-delta', text: 'Hi'},
        {type: 'response-metadata', responseId: 'second'},
        finish('stop', null),
      ),
    );
    expect(usageOf(outcome.chunks)).toEqual(jasmine.objectContaining({responseId: 'second', responseModel: 'model-a'}));
  });

  it('leaves both out, not undefined, when the provider sent none', async () => {
    const outcome = await runStream(streamOf({type: 'text-delta', text: 'Hi'}, finish('stop', null)));
    const usage = usageOf(outcome.chunks);
    expect('responseId' in usage).toBeFalse();
    expect('responseModel' in usage).toBeFalse();
    expect('responseId' in usage.attempts[0]).toBeFalse();
    expect('responseModel' in usage.attempts[0]).toBeFalse();
  });

  it("names the response in a truncation's usage and its failed attempt", async () => {
    const outcome = await runStream(
      streamOf(
        {type: 'response-metadata', responseId: 'resp_cut', responseModel: 'model-b'},
        {type: 'text-delta', text: 'Hel'},
        finish('length', 'length'),
      ),
    );
    const error = outcome.error as LlmTruncationError;
    expect(LlmTruncationError.isInstance(error)).toBeTrue();
    expect(error.usage).toEqual(jasmine.objectContaining({responseId: 'resp_cut', responseModel: 'model-b'}));
    expect(error.attempts).toEqual([
      jasmine.objectContaining({outcome: 'error', responseId: 'resp_cut', responseModel: 'model-b'}),
    ]);
  });
});
