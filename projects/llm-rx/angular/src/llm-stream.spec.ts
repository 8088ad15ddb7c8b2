import {AsyncPipe} from '@angular/common';
import {ChangeDetectionStrategy, Component, inject, provideZonelessChangeDetection} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {type LlmChunk, LlmProviderError} from 'llm-rx';
import {createLlmTestScheduler, llmFromObservable, MockLlm, usagePart} from 'llm-rx/testing';
import {
  animationFrameScheduler,
  concat,
  concatMap,
  lastValueFrom,
  map,
  of,
  range,
  type SchedulerLike,
  Subject,
  timer,
  toArray,
} from 'rxjs';
import {LLM_SCHEDULER} from './llm-tokens';
import {LlmStream} from './llm-stream';
import {provideLlm, withModel} from './provide-llm';

function setUp(scheduler?: SchedulerLike): LlmStream {
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideLlm(),
      ...(scheduler ? [{provide: LLM_SCHEDULER, useValue: scheduler}] : []),
    ],
  });
  return TestBed.inject(LlmStream);
}

const delta = (text: string): LlmChunk => ({type: 'text-delta', text});

/**
 * Tags every `requestAnimationFrame` callback with a frame number, so a spec can tell in which frame (if any)
 * a value was emitted. rxjs' `animationFrameScheduler` looks the global up at each call, so it goes through this.
 */
function trackFrames(): {readonly current: () => number | undefined} {
  const original = window.requestAnimationFrame.bind(window);
  let frames = 0;
  let current: number | undefined;
  spyOn(window, 'requestAnimationFrame').and.callFake(callback =>
    original(time => {
      current = ++frames;
      try {
        callback(time);
      } finally {
        current = undefined;
      }
    }),
  );
  return {current: () => current};
}

function nextFrame(): Promise<void> {
  return new Promise(resolve => requestAnimationFrame(() => resolve()));
}

describe('LlmStream', () => {
  it('unsubscribing cancels the call', () => {
    const hanging = new MockLlm({script: {chunks: ['Hel'], hang: true}});
    const stream = setUp();
    const received: LlmChunk[] = [];
    const subscription = stream.stream({userPrompt: 'Hi'}, {llm: hanging}).subscribe(chunk => received.push(chunk));
    expect(received).toEqual([delta('Hel')]);
    expect(hanging.unsubscriptions).toBe(0);
    subscription.unsubscribe();
    expect(hanging.unsubscriptions).toBe(1);
  });

  it('is cold: nothing is asked before subscription', () => {
    const llm = new MockLlm({script: {chunks: ['a']}});
    const stream = setUp();
    const answer = stream.stream({userPrompt: 'Hi'}, {llm});
    expect(llm.calls).toEqual([]);
    answer.subscribe();
    expect(llm.calls).toEqual([{userPrompt: 'Hi'}]);
  });

  describe('text()', () => {
    it('emits the text so far once per tick of LLM_SCHEDULER, and the whole text before completing', () => {
      const testScheduler = createLlmTestScheduler();
      const stream = setUp(testScheduler);
      testScheduler.run(({cold, expectObservable}) => {
        const chunks = {
          a: delta('Hel'),
          b: delta('lo'),
          r: {type: 'reasoning-delta', text: '…'} as LlmChunk,
          c: delta('!'),
        };
        const llm = llmFromObservable('p', 'm', () => cold<LlmChunk>('(ab)-r-(cu|)', {...chunks, u: usagePart()}));
        // The last text arrives in the frame the stream completes in: it is still emitted, then completion.
        expectObservable(stream.text({userPrompt: 'Hi'}, {llm})).toBe('x------(y|)', {x: 'Hello', y: 'Hello!'});
      });
    });

    it('emits an empty text for an answer without text', async () => {
      const stream = setUp();
      const llm = new MockLlm({script: {chunks: [{type: 'reasoning-delta', text: 'hm'}]}});
      expect(await lastValueFrom(stream.text({userPrompt: 'Hi'}, {llm}).pipe(toArray()))).toEqual(['']);
    });

    it('errors with the stream error', async () => {
      const stream = setUp();
      const failure = new LlmProviderError('down', {provider: 'mock-provider', statusCode: 500, isRetryable: false});
      const llm = new MockLlm({script: {chunks: ['a'], error: failure}});
      await expectAsync(lastValueFrom(stream.text({userPrompt: 'Hi'}, {llm}))).toBeRejectedWith(failure);
    });

    it('turns a burst of 5,000 synchronous chunks into one emission, in an animation frame', async () => {
      const frames = trackFrames();
      const stream = setUp(animationFrameScheduler);
      const pieces = Array.from({length: 5000}, (_, index) => `${index % 10}`);
      const llm = new MockLlm({script: {chunks: pieces}});
      const emissions: {text: string; frame: number | undefined}[] = [];
      await lastValueFrom(
        stream.text({userPrompt: 'Hi'}, {llm}).pipe(map(text => emissions.push({text, frame: frames.current()}))),
      );
      expect(emissions.length).toBe(1);
      expect(emissions[0].text).toBe(pieces.join(''));
      expect(emissions[0].frame).toBeDefined();
    });

    it('emits at most once per animation frame while bursts arrive over many frames, and the final text', async () => {
      const frames = trackFrames();
      const stream = setUp();
      // 10 bursts of 500 synchronous chunks, 5 ms apart: faster than frames, slower than one frame in all.
      const bursts = range(0, 10).pipe(
        concatMap(burst => timer(burst === 0 ? 0 : 5).pipe(concatMap(() => range(0, 500).pipe(map(() => delta('x')))))),
      );
      const llm = llmFromObservable('p', 'm', () => concat(bursts, of(usagePart())));
      const emissions: {text: string; frame: number | undefined}[] = [];
      await lastValueFrom(
        stream.text({userPrompt: 'Hi'}, {llm}).pipe(map(text => emissions.push({text, frame: frames.current()}))),
      );
      const emittedFrames = emissions.map(emission => emission.frame);
      expect(emittedFrames).not.toContain(undefined);
      expect(new Set(emittedFrames).size).toBe(emissions.length);
      expect(emissions.length).toBeLessThan(5000);
      expect(emissions[emissions.length - 1].text).toBe('x'.repeat(5000));
    });
  });

  it('renders the streamed text in an OnPush component through the async pipe, zoneless', async () => {
    const chunks = new Subject<LlmChunk>();
    @Component({
      selector: 'llm-test-answer',
      changeDetection: ChangeDetectionStrategy.OnPush,
      imports: [AsyncPipe],
      template: '<p>{{ answer | async }}</p>',
    })
    class Answer {
      readonly answer = inject(LlmStream).text({userPrompt: 'Hi'}, {model: 'test'});
    }
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideLlm(
          withModel(
            'test',
            llmFromObservable('p', 'm', () => chunks),
          ),
        ),
      ],
    });
    const fixture = TestBed.createComponent(Answer);
    await fixture.whenStable();
    const paragraph = (fixture.nativeElement as HTMLElement).querySelector('p')!;
    expect(paragraph.textContent).toBe('');
    chunks.next(delta('Hel'));
    chunks.next(delta('lo'));
    await nextFrame();
    await fixture.whenStable();
    expect(paragraph.textContent).toBe('Hello');
    chunks.next(delta(', world'));
    chunks.next(usagePart());
    chunks.complete();
    await nextFrame();
    await fixture.whenStable();
    expect(paragraph.textContent).toBe('Hello, world');
  });
});
