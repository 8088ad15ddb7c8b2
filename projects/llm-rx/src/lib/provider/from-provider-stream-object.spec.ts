import {
  events,
  finish,
  ProviderStreamFixture,
  providerStreamOf,
  Recorder,
  settle,
  TOKENS,
  until,
} from '@llm-rx/spec-support';
import {z} from 'zod';
import type {LlmChunk} from '../chunk/llm-chunk';
import {LlmObjectError} from '../errors/llm-object-error';
import {LlmRefusalError} from '../errors/llm-refusal-error';
import {LlmTruncationError} from '../errors/llm-truncation-error';
import type {LlmOutput} from '../object/llm-output';
import type {LlmRequest} from '../request/llm-request';
import type {ProviderEventSource} from './provider-event-mapper';
import type {ProviderStreamEvent} from './provider-stream-event';

const Contact = z.object({name: z.string(), vip: z.boolean()});
const contact: LlmOutput<z.infer<typeof Contact>> = {schema: Contact, name: 'contact'};
const text = (value: string): ProviderStreamEvent => ({type: 'text-delta', text: value});

async function run(source: ProviderEventSource<ProviderStreamEvent>, request: Partial<LlmRequest> = {}) {
  const recorder = new Recorder(
    providerStreamOf({request: {userPrompt: 'Extract.', output: contact, ...request}, open: async () => source}),
  );
  await until(() => recorder.isSettled, 'the end of the stream');
  return recorder;
}

const types = (chunks: readonly LlmChunk[]) => chunks.map(chunk => chunk.type);

describe('fromProviderStream with an output schema', () => {
  beforeEach(() => spyOn(console, 'warn'));

  it('emits a partial object after each text piece that changed it, then the validated object, then the usage', async () => {
    const recorder = await run(
      events(text('{"na'), text('me": "A'), text('da"'), text(', "vip": tr'), text('ue}'), finish('stop', 'stop')),
    );
    expect(recorder.isComplete).toBeTrue();
    expect(types(recorder.chunks)).toEqual([
      'text-delta',
      'partial-object',
      'text-delta',
      'partial-object',
      'text-delta',
      'partial-object',
      'text-delta',
      'text-delta',
      'partial-object',
      'object',
      'usage',
    ]);
    const objects = recorder.chunks.flatMap(chunk =>
      chunk.type === 'partial-object' || chunk.type === 'object' ? [chunk.object] : [],
    );
    expect(objects).toEqual([{}, {name: 'A'}, {name: 'Ada'}, {name: 'Ada', vip: true}, {name: 'Ada', vip: true}]);
  });

  it('does not parse reasoning, and passes a prose request through untouched', async () => {
    const withReasoning = await run(
      events(
        {type: 'reasoning-delta', text: 'Let me think {'},
        text('{"name":"Ada","vip":false}'),
        finish('stop', 'stop'),
      ),
    );
    expect(withReasoning.isComplete).toBeTrue();
    expect(withReasoning.chunks.find(chunk => chunk.type === 'object')).toEqual({
      type: 'object',
      object: {name: 'Ada', vip: false},
    });
    const prose = await run(events(text('{"not": "parsed"'), finish('stop', 'stop')), {output: undefined});
    expect(prose.isComplete).toBeTrue();
    expect(types(prose.chunks)).toEqual(['text-delta', 'usage']);
  });

  it('ends an answer that is not JSON with an invalid-json LlmObjectError keeping the text, usage and attempt', async () => {
    const recorder = await run(events(text('Sure! '), text('{"name":"Ada"}'), finish('stop', 'stop')));
    expect(LlmObjectError.isInstance(recorder.error)).withContext(String(recorder.error)).toBeTrue();
    const error = recorder.error as LlmObjectError;
    expect(error.kind).toBe('invalid-json');
    expect(error.rawText).toBe('Sure! {"name":"Ada"}');
    expect(error.issues[0].message).toContain('at character 0');
    expect(error.issues[0].position).toBe(0);
    expect(error.usage.outputTokens).toBe(TOKENS.outputTokens);
    expect(error.attempts.length).toBe(1);
    expect(error.attempts[0].usage?.outputTokens).toBe(TOKENS.outputTokens);
    expect(error.attempts[0].outcome).toBe('error');
    expect(types(recorder.chunks)).not.toContain('partial-object');
  });

  it('ends an object the schema refuses with a schema-mismatch LlmObjectError holding the issues and the value', async () => {
    const recorder = await run(events(text('{"name": 7, "vip": true}'), finish('stop', 'stop')));
    const error = recorder.error as LlmObjectError;
    expect(LlmObjectError.isInstance(error)).toBeTrue();
    expect(error.kind).toBe('schema-mismatch');
    expect(error.issues.map(issue => issue.path)).toEqual([['name']]);
    expect(error.details.value).toEqual({name: 7, vip: true});
    expect(error.message).toContain('"contact"');
    expect(error.message).toContain('name:');
  });

  it("ends a refusal with an LlmRefusalError holding the provider's refusal, or the text of a content filter", async () => {
    const refused = await run(events({...finish('stop', 'stop'), refusal: 'I cannot help with that.'}));
    expect(LlmRefusalError.isInstance(refused.error)).toBeTrue();
    expect((refused.error as LlmRefusalError).refusal).toBe('I cannot help with that.');
    expect((refused.error as LlmRefusalError).usage.inputTokens).toBe(TOKENS.inputTokens);
    const filtered = await run(events(text('{"name":'), finish('content-filter', 'SAFETY')));
    expect(LlmRefusalError.isInstance(filtered.error)).toBeTrue();
    expect((filtered.error as LlmRefusalError).refusal).toBe('{"name":');
  });

  it('keeps a truncation a truncation', async () => {
    const recorder = await run(events(text('{"name":"Ad'), finish('length', 'length')));
    expect(LlmTruncationError.isInstance(recorder.error)).toBeTrue();
    expect((recorder.error as LlmTruncationError).partialContent).toBe('{"name":"Ad');
  });

  it("applies the adapter's prepareObject before validating", async () => {
    const source = {
      ...events(text('{"name":"Ada","vip":true,"nickname":null}'), finish('stop', 'stop')),
      prepareObject: (value: unknown) => {
        const {nickname: _nickname, ...rest} = value as Record<string, unknown>;
        return rest;
      },
    };
    const strict = z.object({name: z.string(), vip: z.boolean()}).strict();
    const recorder = await run(source, {output: {schema: strict}});
    expect(recorder.isComplete).withContext(String(recorder.error)).toBeTrue();
    expect(recorder.chunks.find(chunk => chunk.type === 'object')).toEqual({
      type: 'object',
      object: {name: 'Ada', vip: true},
    });
  });

  it('gives the validated value of the schema, its transforms applied', async () => {
    const shouting = z.object({name: z.string().transform(name => name.toUpperCase())});
    const recorder = await run(events(text('{"name":"ada"}'), finish('stop', 'stop')), {output: {schema: shouting}});
    expect(recorder.chunks.find(chunk => chunk.type === 'object')).toEqual({type: 'object', object: {name: 'ADA'}});
  });

  it('emits nothing once unsubscribed while the object is being validated', async () => {
    // Catches what rxjs drops: a completion sent to a subscriber that is gone.
    const fixture = new ProviderStreamFixture();
    let release: (() => void) | undefined;
    const slow = z
      .object({name: z.string()})
      .refine(() => new Promise<boolean>(resolve => (release = () => resolve(true))));
    const recorder = new Recorder(
      providerStreamOf({
        request: {userPrompt: 'Extract.', output: {schema: slow}},
        open: async () => events(text('{"name":"Ada"}'), finish('stop', 'stop')),
      }),
    );
    await until(() => release !== undefined, 'the validation to start');
    recorder.subscription.unsubscribe();
    release?.();
    await settle();
    fixture.restore();
    expect(recorder.isSettled).toBeFalse();
    expect(types(recorder.chunks)).not.toContain('object');
    expect(fixture.stoppedNotifications).toEqual([]);
  });

  it('fails with an LlmError when the schema itself throws while validating', async () => {
    const broken = {
      '~standard': {
        version: 1 as const,
        vendor: 'broken',
        validate: () => {
          throw new Error('validator bug');
        },
      },
    };
    const recorder = await run(events(text('{}'), finish('stop', 'stop')), {
      output: {schema: broken, jsonSchema: {type: 'object'}},
    });
    expect(recorder.hasErrored).toBeTrue();
    expect(String(recorder.error)).toContain('validator bug');
  });
});
