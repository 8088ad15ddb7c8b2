import {
  ChangeDetectionStrategy,
  Component,
  createEnvironmentInjector,
  EnvironmentInjector,
  provideZonelessChangeDetection,
} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {type Llm, LlmAbortError, type LlmChunk, LlmConfigurationError, LlmProviderError} from 'llm-rx';
import {llmFromObservable, MockLlm, usagePart} from 'llm-rx/testing';
import {Observable, Subject, VirtualTimeScheduler} from 'rxjs';
import {injectLlmStream} from './inject-llm-stream';
import {LLM_SCHEDULER} from './llm-tokens';
import type {LlmStreamOptions} from './llm-stream';
import {type LlmFeature, provideLlm, withDefaults, withModel} from './provide-llm';

const delta = (text: string): LlmChunk => ({type: 'text-delta', text});

/**
 * Sets up a model named `test` (and more features) and a virtual frame clock: `frames.flush()` runs one
 * "animation frame".
 */
function setUp(llm: Llm, ...features: LlmFeature[]): {frames: VirtualTimeScheduler; injector: EnvironmentInjector} {
  const frames = new VirtualTimeScheduler();
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideLlm(withModel('test', llm), ...features),
      {provide: LLM_SCHEDULER, useValue: frames},
    ],
  });
  return {frames, injector: TestBed.inject(EnvironmentInjector)};
}

describe('injectLlmStream', () => {
  it('reports text, reasoning, usage and status across a run, updating the text once per frame', () => {
    const chunks = new Subject<LlmChunk>();
    const {frames, injector} = setUp(llmFromObservable('p', 'm', () => chunks));
    const answer = injectLlmStream({injector});
    expect(answer.status()).toBe('idle');

    answer.start({userPrompt: 'Hi'}, {model: 'test'});
    expect(answer.status()).toBe('streaming');
    chunks.next({type: 'reasoning-delta', text: 'Thinking'});
    chunks.next(delta('Hel'));
    chunks.next(delta('lo'));
    // Not before the frame: the signals change once per frame, whatever the number of chunks.
    expect(answer.text()).toBe('');
    frames.flush();
    expect([answer.text(), answer.reasoning()]).toEqual(['Hello', 'Thinking']);
    expect(answer.usage()).toBeUndefined();

    const usage = usagePart({inputTokens: 3, outputTokens: 2});
    chunks.next(delta('!'));
    chunks.next(usage);
    chunks.complete();
    frames.flush();
    expect(answer.text()).toBe('Hello!');
    expect(answer.usage()).toEqual(usage.usage);
    expect(answer.status()).toBe('done');
    expect(answer.error()).toBeUndefined();
  });

  it('asks the model each start names, the default of withDefaults() when it names none, or the given Llm', () => {
    const named = new MockLlm({script: {chunks: ['named']}});
    const byDefault = new MockLlm({script: {chunks: ['default']}});
    const given = new MockLlm({script: {chunks: ['given']}});
    const {frames, injector} = setUp(named, withModel('other', byDefault), withDefaults({model: 'other'}));
    const answer = injectLlmStream({injector});
    const ask = (options?: LlmStreamOptions) => {
      answer.start({userPrompt: 'Hi'}, options);
      frames.flush();
      return [answer.status(), answer.text()];
    };
    expect(ask({model: 'test'})).toEqual(['done', 'named']);
    expect(ask()).toEqual(['done', 'default']);
    expect(ask({llm: given})).toEqual(['done', 'given']);
    expect([named, byDefault, given].map(llm => llm.subscriptions)).toEqual([1, 1, 1]);
  });

  it('cancels the call, keeping the text so far', () => {
    const hanging = new MockLlm({script: {chunks: ['Hel', 'lo'], hang: true}});
    const {injector} = setUp(hanging);
    const answer = injectLlmStream({injector});
    answer.start({userPrompt: 'Hi'}, {model: 'test'});
    answer.cancel();
    expect(hanging.unsubscriptions).toBe(1);
    expect(answer.status()).toBe('cancelled');
    expect(answer.text()).toBe('Hello');
    // Cancelling again, with nothing running, changes nothing.
    answer.cancel();
    expect(hanging.unsubscriptions).toBe(1);
  });

  it('cancels the running call when started again, and clears the previous answer', () => {
    const llm = new MockLlm({
      script: [
        {chunks: ['first'], hang: true},
        {chunks: ['second'], hang: true},
      ],
    });
    const {frames, injector} = setUp(llm);
    const answer = injectLlmStream({injector});
    answer.start({userPrompt: 'One'}, {model: 'test'});
    frames.flush();
    expect(answer.text()).toBe('first');
    answer.start({userPrompt: 'Two'}, {model: 'test'});
    expect(llm.unsubscriptions).toBe(1);
    expect(answer.text()).toBe('');
    expect(answer.status()).toBe('streaming');
    frames.flush();
    expect(answer.text()).toBe('second');
  });

  it('reports an error with the text received before it', () => {
    const failure = new LlmProviderError('connection reset', {provider: 'mock-provider'});
    const {injector} = setUp(new MockLlm({script: {chunks: ['Hel'], error: failure}}));
    const answer = injectLlmStream({injector});
    answer.start({userPrompt: 'Hi'}, {model: 'test'});
    expect(answer.status()).toBe('error');
    expect(answer.error()).toBe(failure);
    expect(answer.text()).toBe('Hel');
    // The ended call is not cancelled later.
    answer.cancel();
    expect(answer.status()).toBe('error');
  });

  it("reports a call cancelled through its request's signal as cancelled, with the LlmAbortError", () => {
    const chunks = new Subject<LlmChunk>();
    const {frames, injector} = setUp(llmFromObservable('p', 'm', () => chunks));
    const answer = injectLlmStream({injector});
    answer.start({userPrompt: 'Hi'}, {model: 'test'});
    chunks.next(delta('Hel'));
    chunks.error(new LlmAbortError('p', 'the user left'));
    frames.flush();
    expect(answer.status()).toBe('cancelled');
    expect(LlmAbortError.isInstance(answer.error())).toBeTrue();
    expect(answer.text()).toBe('Hel');
  });

  it('reports a configuration error as an error status', () => {
    const {injector} = setUp(new MockLlm({script: {}}));
    const answer = injectLlmStream({injector});
    answer.start({userPrompt: 'Hi'}, {model: 'unknown'});
    expect(answer.status()).toBe('error');
    expect(LlmConfigurationError.isInstance(answer.error())).toBeTrue();
  });

  it('cancels the running call when its injector is destroyed', () => {
    const hanging = new MockLlm({script: {chunks: ['a'], hang: true}});
    const {injector} = setUp(hanging);
    const child = createEnvironmentInjector([], injector);
    const answer = injectLlmStream({injector: child});
    answer.start({userPrompt: 'Hi'}, {model: 'test'});
    child.destroy();
    expect(hanging.unsubscriptions).toBe(1);
    expect(answer.status()).toBe('cancelled');
  });

  it('needs an injection context unless an injector is given', () => {
    setUp(new MockLlm({script: {}}));
    expect(() => injectLlmStream()).toThrowError(/injection context/);
  });

  it('renders in an OnPush zoneless component and cancels when the component is destroyed', async () => {
    const chunks = new Subject<LlmChunk>();
    let unsubscribed = false;
    const llm = llmFromObservable(
      'p',
      'm',
      () =>
        new Observable<LlmChunk>(subscriber => {
          const subscription = chunks.subscribe(subscriber);
          return () => {
            unsubscribed = true;
            subscription.unsubscribe();
          };
        }),
    );
    @Component({
      selector: 'llm-test-answer',
      changeDetection: ChangeDetectionStrategy.OnPush,
      template: '<p>{{ answer.status() }}: {{ answer.text() }}</p>',
    })
    class Answer {
      readonly answer = injectLlmStream();
    }
    TestBed.configureTestingModule({providers: [provideZonelessChangeDetection(), provideLlm(withModel('test', llm))]});
    const fixture = TestBed.createComponent(Answer);
    await fixture.whenStable();
    const paragraph = (fixture.nativeElement as HTMLElement).querySelector('p')!;
    expect(paragraph.textContent).toBe('idle: ');
    fixture.componentInstance.answer.start({userPrompt: 'Hi'}, {model: 'test'});
    chunks.next(delta('Hello'));
    await new Promise<void>(resolve => requestAnimationFrame(() => resolve()));
    await fixture.whenStable();
    expect(paragraph.textContent).toBe('streaming: Hello');
    fixture.destroy();
    expect(unsubscribed).toBeTrue();
  });
});
