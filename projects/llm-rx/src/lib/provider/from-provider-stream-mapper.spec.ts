import {LlmProviderError} from '../errors/llm-provider-error';
import {finish, fromList, providerStreamOf, Recorder, TOKENS, until} from '@llm-rx/spec-support';
import type {ProviderEventMapper} from './provider-event-mapper';
import type {ProviderStreamEvent} from './provider-stream-event';

/** An SDK's own event, unlike llm-rx's. */
interface SdkEvent {
  readonly kind: 'delta' | 'pair' | 'ping' | 'last';
  readonly text?: string;
}

describe('fromProviderStream with an event mapper', () => {
  beforeEach(() => {
    // The default pricer warns once about the unpriced model; keep the spec output clean.
    spyOn(console, 'warn');
  });

  function streamOf(events: AsyncIterable<SdkEvent>, mapper: ProviderEventMapper<SdkEvent>) {
    return providerStreamOf({request: {userPrompt: 'Hi'}, open: async () => ({events, mapper})});
  }

  // Maps the SDK events one to one, two for a pair, none for a ping; holds the finish back until the end.
  function pairMapper(): ProviderEventMapper<SdkEvent> {
    return {
      next(event): ProviderStreamEvent | readonly ProviderStreamEvent[] | undefined {
        if (event.kind === 'ping') return undefined;
        const text = event.text ?? '';
        if (event.kind === 'pair') {
          return [
            {type: 'reasoning-delta', text},
            {type: 'text-delta', text},
          ];
        }
        return {type: 'text-delta', text};
      },
      end: () => finish('stop', 'done'),
    };
  }

  it('emits what the mapper returns for each SDK event, in order, then the finish of end()', async () => {
    const recorder = new Recorder(
      streamOf(
        fromList<SdkEvent>([{kind: 'delta', text: 'a'}, {kind: 'ping'}, {kind: 'pair', text: 'b'}]),
        pairMapper(),
      ),
    );
    await until(() => recorder.isSettled, 'completion');
    expect(recorder.isComplete).toBeTrue();
    expect(recorder.chunks.slice(0, 3)).toEqual([
      {type: 'text-delta', text: 'a'},
      {type: 'reasoning-delta', text: 'b'},
      {type: 'text-delta', text: 'b'},
    ]);
    expect(recorder.chunks[3]).toEqual({
      type: 'usage',
      usage: jasmine.objectContaining({...TOKENS, finishReason: {unified: 'stop', raw: 'done'}}),
    });
  });

  it('stops reading the SDK stream once the mapper is done after a finish, closing it', async () => {
    let readAfterLast = false;
    let closed = false;
    async function* sdkStream(): AsyncGenerator<SdkEvent> {
      try {
        yield {kind: 'delta', text: 'a'};
        yield {kind: 'last'};
        readAfterLast = true;
        yield {kind: 'delta', text: 'late'};
        // A server that keeps the connection open after its final event.
        await new Promise(() => undefined);
      } finally {
        closed = true;
      }
    }
    let done = false;
    const mapper: ProviderEventMapper<SdkEvent> = {
      next(event) {
        if (event.kind !== 'last') return {type: 'text-delta', text: event.text ?? ''};
        done = true;
        return finish('stop', 'last');
      },
      get done() {
        return done;
      },
    };
    const recorder = new Recorder(streamOf(sdkStream(), mapper));
    await until(() => recorder.isSettled, 'completion');
    expect(recorder.isComplete).toBeTrue();
    expect(recorder.chunks.map(chunk => chunk.type)).toEqual(['text-delta', 'usage']);
    expect(readAfterLast).toBeFalse();
    expect(closed).toBeTrue();
  });

  it('reads on after a finish while the mapper is not done, and the last finish wins', async () => {
    const mapper: ProviderEventMapper<SdkEvent> = {
      next: event =>
        event.kind === 'last' ? finish(event.text === '1' ? 'length' : 'stop', event.text ?? null) : undefined,
    };
    const recorder = new Recorder(
      streamOf(
        fromList<SdkEvent>([
          {kind: 'last', text: '1'},
          {kind: 'last', text: '2'},
        ]),
        mapper,
      ),
    );
    await until(() => recorder.isSettled, 'completion');
    expect(recorder.isComplete).toBeTrue();
    expect(recorder.chunks).toEqual([
      {type: 'usage', usage: jasmine.objectContaining({finishReason: {unified: 'stop', raw: '2'}})},
    ]);
  });

  it('fails with mapError when the mapper throws, without calling end()', async () => {
    const bug = new TypeError('mapper bug');
    const end = jasmine.createSpy('end');
    const mapper: ProviderEventMapper<SdkEvent> = {
      next: () => {
        throw bug;
      },
      end,
    };
    const recorder = new Recorder(streamOf(fromList<SdkEvent>([{kind: 'delta', text: 'a'}]), mapper));
    await until(() => recorder.isSettled, 'the error');
    expect((recorder.error as LlmProviderError).cause).toBe(bug);
    expect(end).not.toHaveBeenCalled();
  });
});
