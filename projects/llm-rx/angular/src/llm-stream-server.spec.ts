import {PLATFORM_ID, provideZonelessChangeDetection} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import type {Llm} from 'llm-rx';
import {MockLlm} from 'llm-rx/testing';
import {animationFrameScheduler, asapScheduler, lastValueFrom, toArray} from 'rxjs';
import {injectLlmStream} from './inject-llm-stream';
import {LLM_SCHEDULER} from './llm-tokens';
import {LlmStream} from './llm-stream';
import {provideLlm, withLogging, withModel} from './provide-llm';

describe('llm-rx/angular on the server', () => {
  let logged: Llm[];
  let logOptionsMade: number;

  beforeEach(() => {
    logged = [];
    logOptionsMade = 0;
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        {provide: PLATFORM_ID, useValue: 'server'},
        provideLlm(
          withModel('test', new MockLlm({script: {chunks: ['Hel', 'lo']}})),
          withLogging(
            (llm: Llm) => {
              logged.push(llm);
              return llm;
            },
            () => {
              logOptionsMade++;
              return {};
            },
          ),
        ),
      ],
    });
    spyOn(window, 'requestAnimationFrame').and.callThrough();
  });

  it('paces text with asapScheduler, never with animation frames', async () => {
    expect(TestBed.inject(LLM_SCHEDULER)).toBe(asapScheduler);
    const texts = await lastValueFrom(
      TestBed.inject(LlmStream).text({userPrompt: 'Hi'}, {model: 'test'}).pipe(toArray()),
    );
    expect(texts).toEqual(['Hello']);
    expect(window.requestAnimationFrame).not.toHaveBeenCalled();
  });

  it('does not log, as the server has no IndexedDB', async () => {
    await lastValueFrom(TestBed.inject(LlmStream).stream({userPrompt: 'Hi'}, {model: 'test'}));
    expect(logged).toEqual([]);
    expect(logOptionsMade).toBe(0);
  });

  it('runs injectLlmStream to the end without animation frames', async () => {
    const answer = TestBed.runInInjectionContext(() => injectLlmStream());
    answer.start({userPrompt: 'Hi'}, {model: 'test'});
    await Promise.resolve();
    await new Promise(resolve => setTimeout(resolve));
    expect([answer.status(), answer.text()]).toEqual(['done', 'Hello']);
    expect(window.requestAnimationFrame).not.toHaveBeenCalled();
  });
});

describe('LLM_SCHEDULER in the browser', () => {
  it('defaults to animationFrameScheduler', () => {
    TestBed.configureTestingModule({providers: [provideZonelessChangeDetection()]});
    expect(TestBed.inject(LLM_SCHEDULER)).toBe(animationFrameScheduler);
  });
});
