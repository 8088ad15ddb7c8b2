import {
  cascade,
  type LlmChunk,
  LlmObjectError,
  type LlmOutput,
  LlmProviderError,
  LlmRefusalError,
  type LlmRequest,
  resolveLlmOutput,
  streamObject,
} from 'llm-rx';
import {createOpenAiLlm} from 'llm-rx/openai';
import {MockLlm, usagePart} from 'llm-rx/testing';
import {MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
import {deleteDatabase, scenarioRequest, uniqueDatabaseName, uniqueTag} from '@llm-rx/spec-support';
import {catchError, EMPTY, firstValueFrom, lastValueFrom, toArray} from 'rxjs';
import {z} from 'zod';
import {createLlmCallLog} from './create-llm-call-log';
import type {LlmCallLog, LlmCallLogOptions} from './llm-call-log';
import type {LlmLogError} from './llm-log-error';
import {loggedLlm} from './log-llm-calls';

const Contact = z.object({name: z.string().describe('Full name'), email: z.string().email()});
const contact: LlmOutput = {schema: Contact, name: 'contact', description: 'A contact card'};
const ada = {name: 'Ada Lovelace', email: 'ada@example.com'};
const adaJson = JSON.stringify(ada);

/** What a provider streams for an object: the JSON text in pieces, a partial object after each, then the object. */
function objectChunks(object: unknown, partials: readonly unknown[] = [{name: 'Ada'}]): LlmChunk[] {
  const text = JSON.stringify(object);
  const half = Math.floor(text.length / 2);
  return [
    {type: 'text-delta', text: text.slice(0, half)},
    ...partials.map(partial => ({type: 'partial-object' as const, object: partial})),
    {type: 'text-delta', text: text.slice(half)},
    {type: 'object', object},
  ];
}

/** Runs a call to its end, whatever it ends with. */
function settle(stream: ReturnType<MockLlm['stream']>): Promise<unknown> {
  return lastValueFrom(stream.pipe(catchError(() => EMPTY)), {defaultValue: null});
}

// What the log keeps of a structured-output call: the schema's name on every row, the output and the object (or
// why there is none) in the body, only when bodies are stored.
describe('loggedLlm with output', () => {
  let databaseName: string;
  let log: LlmCallLog;
  let reported: LlmLogError[];

  function openLog(options: Omit<LlmCallLogOptions, 'databaseName' | 'onError'> = {}): LlmCallLog {
    log = createLlmCallLog({databaseName, onError: error => reported.push(error), ...options});
    return log;
  }

  beforeEach(() => {
    databaseName = uniqueDatabaseName();
    reported = [];
  });

  afterEach(async () => {
    await log.close();
    await deleteDatabase(databaseName);
  });

  it("stores the schema's name on every attempt row, and the output and the object in the body", async () => {
    openLog();
    const down = new LlmProviderError('anthropic: overloaded', {provider: 'anthropic', statusCode: 529});
    const llm = loggedLlm(
      cascade([
        new MockLlm({provider: 'anthropic', model: 'claude', script: {error: down}}),
        new MockLlm({provider: 'openai', model: 'gpt', script: {chunks: objectChunks(ada)}}),
      ]),
      {log},
    );
    const chunks = await lastValueFrom(llm.stream({userPrompt: 'Ada', output: contact}).pipe(toArray()));
    expect(chunks.map(chunk => chunk.type)).toContain('object');
    await lastValueFrom(loggedLlm(new MockLlm({script: {chunks: ['prose']}}), {log}).stream({userPrompt: 'Hi'}));
    await log.flush();

    const rows = await log.database.calls.toArray();
    rows.sort((left, right) => (left.attemptCount - right.attemptCount) * 10 + left.attemptIndex - right.attemptIndex);
    expect(rows.map(row => [row.provider, row.status, row.outputName])).toEqual([
      ['mock-provider', 'ok', null],
      ['anthropic', 'error', 'contact'],
      ['openai', 'ok', 'contact'],
    ]);
    const body = await log.database.bodies.get(rows[1].id);
    expect(body?.request).toEqual({
      userPrompt: 'Ada',
      output: {name: 'contact', description: 'A contact card', jsonSchema: resolveLlmOutput(contact).jsonSchema},
    });
    expect(body?.response).toEqual({text: adaJson, reasoning: '', object: ada});
    expect(reported).toEqual([]);

    const [header, ...lines] = (await log.exportCalls('csv', {outputName: 'contact'})).trimEnd().split('\r\n');
    expect(lines.map(line => line.split(',')[header.split(',').indexOf('outputName')])).toEqual(['contact', 'contact']);
    expect(await firstValueFrom(log.recentCalls({outputName: 'contact'}))).toHaveSize(2);
  });

  it('never reads, copies or stores a partial object: only the final object part is kept', async () => {
    openLog();
    let reads = 0;
    const watched = new Proxy(
      {name: 'PARTIAL-ONLY'},
      Object.fromEntries(
        (['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf'] as const).map(trap => [
          trap,
          (...args: unknown[]) => {
            reads++;
            return (Reflect[trap] as (...a: unknown[]) => unknown)(...args);
          },
        ]),
      ),
    );
    const partials = Array.from({length: 50}, () => watched);
    const llm = loggedLlm(new MockLlm({script: {chunks: objectChunks(ada, partials)}}), {log});
    const seen = await lastValueFrom(llm.stream({userPrompt: 'Ada', output: contact}).pipe(toArray()));
    expect(seen.filter(chunk => chunk.type === 'partial-object')).toHaveSize(50);
    await log.flush();
    expect(reads).withContext('reads of the partial objects').toBe(0);
    const [body] = await log.database.bodies.toArray();
    expect(body.response?.object).toEqual(ada);
    for (const table of log.database.tables) {
      expect(JSON.stringify(await table.toArray())).not.toContain('PARTIAL-ONLY');
    }
  });

  it('stores nothing of the output or the object with storeBodies: false, not even resolving the schema', async () => {
    openLog({storeBodies: false});
    const standard = Contact['~standard'];
    const jsonSchema = spyOn(standard.jsonSchema, 'input').and.callThrough();
    const llm = loggedLlm(new MockLlm({script: {chunks: objectChunks(ada)}}), {log});
    await lastValueFrom(llm.stream({userPrompt: 'Ada', output: contact}));
    await log.flush();
    expect(jsonSchema).not.toHaveBeenCalled();
    expect((await log.database.calls.toArray()).map(row => row.outputName)).toEqual(['contact']);
    expect(await log.database.bodies.count()).toBe(0);
    for (const table of log.database.tables) {
      const json = JSON.stringify(await table.toArray());
      expect(json).not.toContain('Lovelace');
      expect(json).not.toContain('A contact card');
      expect(json).not.toContain('Full name');
    }
  });

  it('passes the object through the redaction hook, and stores a transformed object without a DataCloneError', async () => {
    openLog({redact: text => text.replace(/[\w.]+@[\w.]+/g, '[email]')});
    const transformed = {
      ...ada,
      born: new Date(Date.UTC(1815, 11, 10)),
      greet: () => 'hi',
      card: new (class Card {
        readonly kind = 'card';
      })(),
    };
    const llm = loggedLlm(new MockLlm({script: {chunks: objectChunks(transformed)}}), {log});
    await lastValueFrom(llm.stream({userPrompt: 'Ada', output: contact}));
    await log.flush();
    expect(reported).withContext('log errors').toEqual([]);
    const [body] = await log.database.bodies.toArray();
    expect(body.response?.object).toEqual({
      name: 'Ada Lovelace',
      email: '[email]',
      born: '1815-12-10T00:00:00.000Z',
      card: {kind: 'card'},
    });
    expect(JSON.stringify(await log.database.bodies.toArray())).not.toContain('example.com');
  });

  it('keeps the usage, errorType and refusal text of an LlmRefusalError', async () => {
    openLog();
    const usage = usagePart({
      inputTokens: 12,
      outputTokens: 3,
      totalCost: 0.5,
      finishReason: {unified: 'content-filter', raw: 'refusal'},
    }).usage;
    const refusal = new LlmRefusalError("I can't share that.", usage);
    const llm = loggedLlm(new MockLlm({script: {chunks: ["I can't"], error: refusal}}), {log});
    await settle(llm.stream({userPrompt: 'Ada', output: contact}));
    await log.flush();
    const [row] = await log.database.calls.toArray();
    expect(row).toEqual(
      jasmine.objectContaining({
        status: 'error',
        errorType: 'LlmRefusalError',
        outputName: 'contact',
        inputTokens: 12,
        outputTokens: 3,
        totalCost: 0.5,
        finishReason: 'content-filter',
      }),
    );
    expect((await log.database.bodies.get(row.id))?.response).toEqual({
      text: "I can't",
      reasoning: '',
      refusal: "I can't share that.",
    });
  });

  describe('against the mock OpenAI server', () => {
    const llm = () =>
      createOpenAiLlm('gpt-4.1-mini', {api: 'chat', apiKey: 'sk-test-objects', baseURL: `${MOCK_PROVIDERS_URL}/v1`});
    const ask = (text: string) =>
      scenarioRequest({tag: uniqueTag('logging', 'object'), text, inputTokens: 42}, {output: contact}) as LlmRequest & {
        output: LlmOutput;
      };

    it('stores the validated object the provider answered, with its billed usage', async () => {
      openLog();
      const logged = loggedLlm(llm(), {log});
      const chunks = await lastValueFrom(streamObject(logged, ask(adaJson)).pipe(toArray()));
      expect(chunks.find(chunk => chunk.type === 'object')?.object).toEqual(ada);
      await log.flush();
      const [row] = await log.database.calls.toArray();
      expect(row).toEqual(jasmine.objectContaining({status: 'ok', outputName: 'contact', inputTokens: 42}));
      expect(row.totalCost).toBeGreaterThan(0);
      const body = await log.database.bodies.get(row.id);
      expect(body?.response).toEqual({text: adaJson, reasoning: '', object: ada});
      expect(body?.request?.output?.jsonSchema).toEqual(resolveLlmOutput(contact).jsonSchema);
    });

    for (const [kind, text, path] of [
      ['schema-mismatch', '{"name": "Ada Lovelace", "email": 5}', ['email']],
      ['invalid-json', '{"name": "Ada Lov', []],
    ] as const) {
      it(`keeps the raw text, the ${kind} issues, the usage and the errorType of a failing object call`, async () => {
        openLog();
        let failure: unknown;
        await lastValueFrom(
          loggedLlm(llm(), {log})
            .stream(ask(text))
            .pipe(
              catchError((error: unknown) => {
                failure = error;
                return EMPTY;
              }),
            ),
          {defaultValue: null},
        );
        expect(LlmObjectError.isInstance(failure)).withContext(String(failure)).toBeTrue();
        await log.flush();
        const [row] = await log.database.calls.toArray();
        expect(row).toEqual(
          jasmine.objectContaining({
            status: 'error',
            errorType: 'LlmObjectError',
            outputName: 'contact',
            inputTokens: 42,
            finishReason: 'stop',
          }),
        );
        expect(row.outputTokens).toBeGreaterThan(0);
        expect(row.totalCost).toBeGreaterThan(0);
        const response = (await log.database.bodies.get(row.id))?.response;
        expect(response?.text).toBe(text);
        expect(response?.object).toBeUndefined();
        expect(response?.objectError?.kind).toBe(kind);
        expect(response?.objectError?.issues).toEqual((failure as LlmObjectError).issues);
        if (path.length > 0) expect(response?.objectError?.issues.map(issue => issue.path)).toContain([...path]);
      });
    }
  });
});
