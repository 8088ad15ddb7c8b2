import {
  LlmAbortError,
  LlmConfigurationError,
  LlmProviderError,
  LlmToolError,
  type Llm,
  type LlmChunk,
  type LlmUsage,
} from 'llm-rx';
import {createLlmTestScheduler, usagePart} from 'llm-rx/testing';
import {filter, lastValueFrom, map, type Observable, of, throwError, toArray} from 'rxjs';
import {runTools} from './run-tools';
import {callEnd, tool} from '@llm-rx/spec-support';
import {answerStepUsage, scriptedModel, text, toolStepUsage} from './run-tools-fixtures';

const usageOf = (chunks: readonly LlmChunk[]): LlmUsage => {
  const last = chunks[chunks.length - 1];
  if (last?.type !== 'usage') throw new Error('no usage part last');
  return last.usage;
};

describe('runTools', () => {
  it('runs the tool a step asks for, feeds its result to the next step, and sums the steps in one usage', () => {
    const scheduler = createLlmTestScheduler();
    scheduler.run(({cold, expectObservable}) => {
      const call = callEnd('c1', 'weather', {city: 'Paris'});
      const {llm, requests} = scriptedModel([
        cold('-c-(u|)', {c: call, u: toolStepUsage}),
        // Step 1 starts at frame 3, when step 0 ended and its tool ran: its text comes at 8, its usage at 10.
        cold('-----a-(u|)', {a: text('Sunny.'), u: answerStepUsage}),
      ]);
      const weather = tool('weather', ({city}: {city: string}) => ({city, sky: 'clear'}));
      const loop = runTools(llm, {userPrompt: 'Weather in Paris?', tools: [weather]}, {clock: () => scheduler.now()});
      const result = {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 'weather',
        output: {city: 'Paris', sky: 'clear'},
        step: 0,
      };
      const assistant = {
        role: 'assistant',
        content: '',
        toolCalls: [{toolCallId: 'c1', toolName: 'weather', input: {city: 'Paris'}}],
      };
      expectObservable(loop).toBe('-c-(rs)-a-(tu|)', {
        c: call,
        r: result,
        s: {
          type: 'step-finish',
          step: 0,
          usage: toolStepUsage.usage,
          messages: [
            assistant,
            {role: 'tool', toolCallId: 'c1', toolName: 'weather', output: {city: 'Paris', sky: 'clear'}},
          ],
        },
        a: text('Sunny.'),
        t: {
          type: 'step-finish',
          step: 1,
          usage: answerStepUsage.usage,
          messages: [{role: 'assistant', content: 'Sunny.'}],
        },
        u: {
          type: 'usage',
          usage: jasmine.objectContaining({
            inputTokens: 30,
            outputTokens: 10,
            totalCost: 0.008,
            timeToFirstChunkMs: 1,
            responseTimeMs: 10,
            finishReason: {unified: 'stop', raw: 'stop'},
            attempts: [...toolStepUsage.usage.attempts, ...answerStepUsage.usage.attempts],
            steps: [toolStepUsage.usage, answerStepUsage.usage],
          }),
        },
      });
      scheduler.flush();
      // The second step carries the conversation: the prompt, the assistant's call, the tool's result.
      expect(requests.map(request => request.toolLoop?.step)).toEqual([0, 1]);
      expect(requests[0].userPrompt).toBe('Weather in Paris?');
      expect(requests[1].userPrompt).toBeUndefined();
      expect(requests[1].messages).toEqual([
        {role: 'user', content: 'Weather in Paris?'},
        assistant as never,
        {role: 'tool', toolCallId: 'c1', toolName: 'weather', output: {city: 'Paris', sky: 'clear'}},
      ]);
      expect(requests[0].toolLoop?.id).toBe(requests[1].toolLoop?.id ?? 'differs');
    });
  });

  it('aborts a running tool and stops the loop when the subscriber unsubscribes', () => {
    createLlmTestScheduler().run(({cold, expectObservable, expectSubscriptions}) => {
      const slow = cold('-----(r|)', {r: 'done'});
      const {llm, requests} = scriptedModel([cold('-c-(u|)', {c: callEnd('c1', 'lookup', {}), u: toolStepUsage})]);
      const lookup = tool('lookup', () => slow);
      expectObservable(runTools(llm, {userPrompt: 'Look it up.', tools: [lookup]}), '^----!').toBe('-c', {
        c: callEnd('c1', 'lookup', {}),
      });
      // The tool started when the step ended (frame 3) and was unsubscribed with the loop (frame 5).
      expectSubscriptions(slow.subscriptions).toBe('---^-!');
      void requests;
    });
  });

  it("aborts the tool's own AbortSignal when the loop is left while the tool runs", () => {
    let seen: AbortSignal | undefined;
    const {llm} = scriptedModel([of(callEnd('c1', 'lookup', {}), toolStepUsage)]);
    const lookup = tool('lookup', (_input, {signal}) => {
      seen = signal;
      return new Promise(() => undefined);
    });
    const subscription = runTools(llm, {userPrompt: 'Look it up.', tools: [lookup]}).subscribe();
    expect(seen?.aborted).toBeFalse();
    subscription.unsubscribe();
    expect(seen?.aborted).toBeTrue();
  });

  it('aborts a running tool when request.signal aborts, and ends with an LlmAbortError', () => {
    let seen: AbortSignal | undefined;
    const controller = new AbortController();
    const {llm} = scriptedModel([of(callEnd('c1', 'lookup', {}), toolStepUsage)]);
    const lookup = tool('lookup', (_input, {signal}) => {
      seen = signal;
      return new Promise(() => undefined);
    });
    let error: unknown;
    runTools(llm, {userPrompt: 'Look it up.', tools: [lookup], signal: controller.signal}).subscribe({
      error: (thrown: unknown) => (error = thrown),
    });
    controller.abort('user left');
    expect(seen?.aborted).toBeTrue();
    expect(LlmAbortError.isInstance(error)).withContext(String(error)).toBeTrue();
  });

  it('feeds a failing tool back to the model as an error result, and the loop goes on', async () => {
    const {llm, requests} = scriptedModel([
      of(callEnd('c1', 'weather', {city: 'Atlantis'}), toolStepUsage),
      of(text('I could not find it.'), answerStepUsage),
    ]);
    const weather = tool('weather', () => {
      throw new Error('no such city');
    });
    const chunks = await lastValueFrom(runTools(llm, {userPrompt: 'Weather?', tools: [weather]}).pipe(toArray()));
    const output = {error: 'llm-rx: the tool "weather" failed: no such city'};
    expect(chunks).toContain({
      type: 'tool-result',
      toolCallId: 'c1',
      toolName: 'weather',
      output,
      isError: true,
      step: 0,
    });
    expect(requests[1].messages?.[2]).toEqual({
      role: 'tool',
      toolCallId: 'c1',
      toolName: 'weather',
      output,
      isError: true,
    });
    expect(usageOf(chunks).steps?.length).toBe(2);
  });

  it('ends the loop with an LlmToolError when toolErrors is "throw"', async () => {
    const {llm} = scriptedModel([syncStream([callEnd('c1', 'weather', {}), toolStepUsage])]);
    const weather = tool('weather', async () => Promise.reject(new Error('backend down')));
    const error = await lastValueFrom(
      runTools(llm, {userPrompt: 'Weather?', tools: [weather]}, {toolErrors: 'throw'}),
    ).catch((thrown: unknown) => thrown);
    expect(LlmToolError.isInstance(error)).withContext(String(error)).toBeTrue();
    expect((error as LlmToolError).kind).toBe('execution');
    expect((error as LlmToolError).toolName).toBe('weather');
    expect(((error as LlmToolError).cause as Error).message).toBe('backend down');
    expect((error as LlmToolError).attempts).toEqual(toolStepUsage.usage.attempts);
  });

  it('tells the model an invalid input instead of running the tool', async () => {
    let ran = false;
    const invalid = {...callEnd('c1', 'weather', {city: 7}), issues: [{message: 'Expected string', path: ['city']}]};
    const {llm, requests} = scriptedModel([
      syncStream([invalid, toolStepUsage]),
      syncStream([text('Sorry.'), answerStepUsage]),
    ]);
    const weather = tool('weather', () => {
      ran = true;
      return 'sunny';
    });
    const chunks = await lastValueFrom(runTools(llm, {userPrompt: 'Weather?', tools: [weather]}).pipe(toArray()));
    expect(ran).toBeFalse();
    const result = chunks.find(chunk => chunk.type === 'tool-result');
    expect(result).toEqual(jasmine.objectContaining({isError: true}));
    expect(JSON.stringify(result)).toContain('Expected string');
    expect(requests.length).toBe(2);
  });

  it('stops at maxSteps with a model that calls tools forever, and says so in the finish reason', async () => {
    let executions = 0;
    const {llm, requests} = scriptedModel([syncStream([callEnd('c', 'ping', {}), toolStepUsage])]);
    const ping = tool('ping', () => ++executions);
    const chunks = await lastValueFrom(
      runTools(llm, {userPrompt: 'Loop.', tools: [ping]}, {maxSteps: 3}).pipe(toArray()),
    );
    expect(requests.length).toBe(3);
    expect(executions).toBe(3);
    const usage = usageOf(chunks);
    expect(usage.steps?.length).toBe(3);
    expect(usage.finishReason.unified).toBe('tool-calls');
    expect(usage.inputTokens).toBe(30);
    expect(chunks.filter(chunk => chunk.type === 'usage').length).toBe(1);
  });

  it("runs parallel calls at most `concurrency` at a time, and gives the results in the calls' order", () => {
    createLlmTestScheduler().run(({cold, expectSubscriptions, expectObservable}) => {
      const runs = {a: cold('----(r|)', {r: 'A'}), b: cold('--(r|)', {r: 'B'}), c: cold('-(r|)', {r: 'C'})};
      const {llm, requests} = scriptedModel([
        cold('-(abcu|)', {
          a: callEnd('1', 'a', {}),
          b: callEnd('2', 'b', {}),
          c: callEnd('3', 'c', {}),
          u: toolStepUsage,
        }),
        cold('(u|)', {u: answerStepUsage}),
      ]);
      const loop = runTools(
        llm,
        {userPrompt: 'All three.', tools: (['a', 'b', 'c'] as const).map(name => tool(name, () => runs[name]))},
        {concurrency: 2},
      );
      const results = loop.pipe(
        filter(chunk => chunk.type === 'tool-result'),
        map(chunk => (chunk as {output: unknown}).output),
      );
      // Shown as each finishes: B (frame 3), C (started when B ended, frame 4), A (frame 5), then step 1 ends it.
      expectObservable(results).toBe('---BC(A|)', {A: 'A', B: 'B', C: 'C'});
      expectSubscriptions(runs.a.subscriptions).toBe('-^---!');
      expectSubscriptions(runs.b.subscriptions).toBe('-^-!');
      expectSubscriptions(runs.c.subscriptions).toBe('---^!');
      void requests;
    });
  });

  it("lists a step's results in the calls' order in the next request", async () => {
    const {llm, requests} = scriptedModel([
      of(callEnd('1', 'slow', {}), callEnd('2', 'fast', {}), toolStepUsage),
      of(answerStepUsage),
    ]);
    const slow = tool('slow', () => new Promise(resolve => setTimeout(() => resolve('S'), 5)));
    const fast = tool('fast', () => 'F');
    await lastValueFrom(runTools(llm, {userPrompt: 'Both.', tools: [slow, fast]}));
    expect(requests[1].messages?.slice(2).map(message => message.role === 'tool' && message.output)).toEqual([
      'S',
      'F',
    ]);
  });

  it('ends after a step whose tool has no execute, leaving that call to the app', async () => {
    const {llm, requests} = scriptedModel([syncStream([callEnd('c1', 'confirm', {}), toolStepUsage])]);
    const chunks = await lastValueFrom(
      runTools(llm, {userPrompt: 'Delete it.', tools: [tool('confirm')]}).pipe(toArray()),
    );
    expect(requests.length).toBe(1);
    expect(chunks.some(chunk => chunk.type === 'tool-result')).toBeFalse();
    expect(usageOf(chunks).finishReason.unified).toBe('tool-calls');
  });

  it("ends when stopWhen says so, after the step's tools ran", async () => {
    const {llm, requests} = scriptedModel([syncStream([callEnd('c1', 'final', {}), toolStepUsage])]);
    const chunks = await lastValueFrom(
      runTools(
        llm,
        {userPrompt: 'Answer.', tools: [tool('final', () => 'ok')]},
        {
          stopWhen: step => step.toolCalls.some(call => call.toolName === 'final'),
        },
      ).pipe(toArray()),
    );
    expect(requests.length).toBe(1);
    expect(chunks.filter(chunk => chunk.type === 'tool-result').length).toBe(1);
  });

  it('ends with the error a stopWhen throws, rather than hanging', async () => {
    const {llm} = scriptedModel([syncStream([callEnd('c1', 'ping', {}), toolStepUsage])]);
    const error = await lastValueFrom(
      runTools(
        llm,
        {userPrompt: 'Go.', tools: [tool('ping', () => 1)]},
        {
          stopWhen: () => {
            throw new Error('bad condition');
          },
        },
      ),
    ).catch((thrown: unknown) => thrown);
    expect((error as Error).message).toBe('bad condition');
  });

  it('ends with the error of a model whose stream() throws at a later step', async () => {
    const {llm} = scriptedModel([syncStream([callEnd('c1', 'ping', {}), toolStepUsage])]);
    const throwing: Llm = {
      ...llm,
      stream: request => {
        if (request.toolLoop?.step === 1) throw new Error('no stream');
        return llm.stream(request);
      },
    };
    const error = await lastValueFrom(runTools(throwing, {userPrompt: 'Go.', tools: [tool('ping', () => 1)]})).catch(
      (thrown: unknown) => thrown,
    );
    expect((error as Error).message).toBe('no stream');
  });

  it('sums a cost as null when one step has no price', async () => {
    const unpriced = usagePart({inputTokens: 5, finishReason: {unified: 'stop', raw: 'stop'}});
    const {llm} = scriptedModel([syncStream([callEnd('c1', 'ping', {}), toolStepUsage]), syncStream([unpriced])]);
    const chunks = await lastValueFrom(
      runTools(llm, {userPrompt: 'Go.', tools: [tool('ping', () => 1)]}).pipe(toArray()),
    );
    expect(usageOf(chunks).totalCost).toBeNull();
    expect(usageOf(chunks).inputTokens).toBe(15);
  });

  it("ends with a step's error, which lists the attempts of every step so far", async () => {
    const down = new LlmProviderError('down', {provider: 'mock-provider', statusCode: 503});
    const {llm} = scriptedModel([of(callEnd('c1', 'ping', {}), toolStepUsage), throwError(() => down)]);
    const error = await lastValueFrom(runTools(llm, {userPrompt: 'Go.', tools: [tool('ping', () => 1)]})).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBe(down);
    expect((error as LlmProviderError).attempts).toEqual(toolStepUsage.usage.attempts);
  });

  it('refuses an invalid option before any model call', async () => {
    const {llm, requests} = scriptedModel([syncStream([answerStepUsage])]);
    const error = await lastValueFrom(runTools(llm, {userPrompt: 'Go.'}, {maxSteps: 0})).catch(
      (thrown: unknown) => thrown,
    );
    expect(LlmConfigurationError.isInstance(error)).toBeTrue();
    expect((error as LlmConfigurationError).field).toBe('maxSteps');
    expect(requests.length).toBe(0);
  });
});

function syncStream(chunks: readonly LlmChunk[]): Observable<LlmChunk> {
  return of(...chunks);
}
