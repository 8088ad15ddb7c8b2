import {provideZonelessChangeDetection} from '@angular/core';
import {EnvironmentInjector} from '@angular/core';
import {TestBed} from '@angular/core/testing';
import {type Llm, type LlmChunk, LlmInvalidRequestError, LlmObjectError, type LlmOutput} from 'llm-rx';
import {llmFromObservable, usagePart} from 'llm-rx/testing';
import {firstValueFrom, Subject, toArray, VirtualTimeScheduler} from 'rxjs';
import {injectLlmObject} from './inject-llm-object';
import {LlmStream} from './llm-stream';
import {LLM_SCHEDULER} from './llm-tokens';
import {provideLlm, withModel} from './provide-llm';

interface Contact {
  readonly name: string;
  readonly phones: readonly string[];
}

const contact: LlmOutput<Contact> = {
  schema: {type: 'object', properties: {name: {type: 'string'}, phones: {type: 'array', items: {type: 'string'}}}},
  name: 'contact',
};

function setUp(llm: Llm): {frames: VirtualTimeScheduler; injector: EnvironmentInjector} {
  const frames = new VirtualTimeScheduler();
  TestBed.configureTestingModule({
    providers: [
      provideZonelessChangeDetection(),
      provideLlm(withModel('test', llm)),
      {provide: LLM_SCHEDULER, useValue: frames},
    ],
  });
  return {frames, injector: TestBed.inject(EnvironmentInjector)};
}

describe('injectLlmObject', () => {
  it('shows the growing object once per frame, then the validated object, the usage and done', () => {
    const chunks = new Subject<LlmChunk>();
    const requests: unknown[] = [];
    const {frames, injector} = setUp(
      llmFromObservable('p', 'm', request => {
        requests.push(request.output);
        return chunks;
      }),
    );
    const card = injectLlmObject({injector, output: contact});
    card.start({userPrompt: 'Ada, 555'}, {model: 'test'});
    expect(card.status()).toBe('streaming');
    expect(requests).toEqual([contact]);

    chunks.next({type: 'text-delta', text: '{"name":"A'});
    chunks.next({type: 'partial-object', object: {name: 'A'}});
    chunks.next({type: 'text-delta', text: 'da"'});
    chunks.next({type: 'partial-object', object: {name: 'Ada'}});
    // Not before the frame, whatever the number of chunks.
    expect(card.partial()).toBeUndefined();
    frames.flush();
    expect(card.partial()).toEqual({name: 'Ada'});
    expect(card.text()).toBe('{"name":"Ada"');
    expect(card.object()).toBeUndefined();

    const final: Contact = {name: 'Ada', phones: ['555']};
    chunks.next({type: 'text-delta', text: ',"phones":["555"]}'});
    chunks.next({type: 'object', object: final});
    const usage = usagePart({inputTokens: 5, outputTokens: 9});
    chunks.next(usage);
    chunks.complete();
    frames.flush();
    expect(card.object()).toEqual(final);
    expect(card.partial()).toEqual(final);
    expect(card.usage()).toEqual(usage.usage);
    expect(card.status()).toBe('done');
  });

  it("uses the request's own output over the one it was made with", () => {
    const outputs: unknown[] = [];
    const {frames, injector} = setUp(
      llmFromObservable('p', 'm', request => {
        outputs.push(request.output);
        return new Subject<LlmChunk>();
      }),
    );
    const other: LlmOutput<{title: string}> = {schema: {type: 'object'}, name: 'recipe'};
    const ref = injectLlmObject({injector, output: contact});
    ref.start({userPrompt: 'Soup', output: other as unknown as LlmOutput<Contact>}, {model: 'test'});
    frames.flush();
    expect(outputs).toEqual([other]);
  });

  it('ends with an LlmInvalidRequestError naming output when neither the request nor the ref gives one', () => {
    const {frames, injector} = setUp(llmFromObservable('p', 'm', () => new Subject<LlmChunk>()));
    const ref = injectLlmObject({injector});
    ref.start({userPrompt: 'Hi'}, {model: 'test'});
    frames.flush();
    expect(ref.status()).toBe('error');
    expect(LlmInvalidRequestError.isInstance(ref.error())).toBeTrue();
    expect((ref.error() as LlmInvalidRequestError).field).toBe('output');
  });

  it('keeps the partial object and reports the object error, with its usage, on failure', () => {
    const chunks = new Subject<LlmChunk>();
    const {frames, injector} = setUp(llmFromObservable('p', 'm', () => chunks));
    const card = injectLlmObject({injector, output: contact});
    card.start({userPrompt: 'Ada'}, {model: 'test'});
    chunks.next({type: 'text-delta', text: '{"name":"Ada"}'});
    chunks.next({type: 'partial-object', object: {name: 'Ada'}});
    const failure = new LlmObjectError(
      {
        kind: 'schema-mismatch',
        schemaName: 'contact',
        rawText: '{"name":"Ada"}',
        issues: [{message: 'Required', path: ['phones']}],
      },
      usagePart({outputTokens: 4}).usage,
    );
    chunks.error(failure);
    frames.flush();
    expect(card.status()).toBe('error');
    expect(card.error()).toBe(failure);
    expect(card.partial()).toEqual({name: 'Ada'});
    expect(card.object()).toBeUndefined();
  });

  it('cancels the running call, keeping the partial object', () => {
    const chunks = new Subject<LlmChunk>();
    const {frames, injector} = setUp(llmFromObservable('p', 'm', () => chunks));
    const card = injectLlmObject({injector, output: contact});
    card.start({userPrompt: 'Ada'}, {model: 'test'});
    chunks.next({type: 'partial-object', object: {name: 'Ad'}});
    card.cancel();
    expect(card.status()).toBe('cancelled');
    expect(card.partial()).toEqual({name: 'Ad'});
    expect(chunks.observed).toBeFalse();
    frames.flush();
  });
});

describe('LlmStream.object', () => {
  it('emits the latest object once per frame, the validated object last', async () => {
    const chunks = new Subject<LlmChunk>();
    const {frames} = setUp(llmFromObservable('p', 'm', () => chunks));
    const objects = firstValueFrom(
      TestBed.inject(LlmStream).object({userPrompt: 'Ada', output: contact}, {model: 'test'}).pipe(toArray()),
    );
    chunks.next({type: 'text-delta', text: '{"name":"A'});
    chunks.next({type: 'partial-object', object: {name: 'A'}});
    chunks.next({type: 'partial-object', object: {name: 'Ad'}});
    frames.flush();
    chunks.next({type: 'object', object: {name: 'Ada', phones: []}});
    chunks.next(usagePart());
    chunks.complete();
    frames.flush();
    expect(await objects).toEqual([{name: 'Ad'}, {name: 'Ada', phones: []}]);
  });
});
