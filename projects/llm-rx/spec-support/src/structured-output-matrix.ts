/*
 * The structured-output behaviour every provider adapter must show against the mock provider server, shared by
 * the openai (chat and responses), deepseek, anthropic, gemini and cohere specs. Real SDK, real timers, one unique
 * tag per spec. It defines no specs by itself: call describeStructuredOutputMatrix() inside a describe().
 */
import {
  llmJsonSchema,
  LlmObjectError,
  LlmRefusalError,
  LlmTruncationError,
  streamObject,
  type Llm,
  type LlmChunk,
  type LlmOutput,
  type LlmProviderOptions,
  type LlmRequest,
  type LlmUsage,
} from 'llm-rx';
import {fetchMockRequests, type MockScenario} from '@llm-rx/mock-providers';
import {z} from 'zod';
import {runStream, type StreamOutcome} from './run-stream';
import {scenarioRequest, uniqueTag} from './scenario-request';

/** The adapter under test, and how its request carries a schema. */
export interface StructuredOutputTarget {
  /** Tag prefix, unique per target. */
  readonly label: string;
  /** The provider name expected in usage and errors. */
  readonly provider: string;
  readonly model: string;
  readonly apiKey: string;
  /** Creates the model pointed at the mock server. */
  readonly create: (options: LlmProviderOptions) => Llm;
  /**
   * The JSON Schema a request body sent to the mock carries, found where this provider carries it (a response
   * format, a forced tool's input schema, the prompt); `undefined` when there is none.
   */
  readonly schemaInBody: (body: unknown) => unknown;
  /** More request fields the target needs (e.g. provider options that pick a mode). */
  readonly request?: Partial<LlmRequest>;
  /**
   * Whether the provider can refuse (its own refusal, or a content-filter finish); default true. Cohere has
   * neither: a declined object ends there as an `LlmObjectError`.
   */
  readonly reportsRefusal?: boolean;
}

/** A contact card: the schema the matrix asks for. */
export const CONTACT_SCHEMA = z.object({
  name: z.string().describe('Full name'),
  email: z.string().email(),
  phones: z.array(z.string()),
  company: z.string().nullable(),
  vip: z.boolean(),
});

/** What the contact card looks like as JSON, with every awkward piece a model may split: escapes, `\u`, numbers. */
export const AWKWARD_CONTACT_JSON =
  '{"name": "Zo\\u00eb \\"Z\\" O\\u2019Brien \\ud83d\\ude00", "email": "zoe@example.com", ' +
  '"phones": ["+1 555\\n0100", "\\\\ext. 7\\/8"], "company": null, "vip": true}';

function usageOf(chunks: readonly LlmChunk[]): LlmUsage | undefined {
  const last = chunks[chunks.length - 1];
  return last?.type === 'usage' ? last.usage : undefined;
}

/**
 * Defines the structured-output specs of one adapter.
 * @param target The adapter, and where its request carries the schema.
 */
export function describeStructuredOutputMatrix(target: StructuredOutputTarget): void {
  const llm = () => target.create({apiKey: target.apiKey});
  const tag = (name: string) => uniqueTag(`${target.label}-object`, name);
  const contact: LlmOutput<z.infer<typeof CONTACT_SCHEMA>> = {
    schema: CONTACT_SCHEMA,
    name: 'contact',
    description: 'A contact card',
  };
  const ask = (scenario: MockScenario, output: LlmOutput = contact) =>
    scenarioRequest(scenario, {...target.request, userPrompt: 'Extract the contact.', output}) as LlmRequest & {
      output: LlmOutput;
    };
  const run = (scenario: MockScenario, output: LlmOutput = contact): Promise<StreamOutcome> =>
    runStream(streamObject(llm(), ask(scenario, output)));

  it('sends the schema natively, streams partial objects, then one validated object, then the usage part', async () => {
    const scenarioTag = tag('sample');
    const outcome = await run({tag: scenarioTag, outputTokens: 30});
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const partials = outcome.chunks.filter(chunk => chunk.type === 'partial-object');
    const objects = outcome.chunks.filter(chunk => chunk.type === 'object');
    expect(partials.length).toBeGreaterThan(1);
    expect(objects.length).toBe(1);
    // The object, then the usage, then completion.
    expect(outcome.chunks.map(chunk => chunk.type).slice(-2)).toEqual(['object', 'usage']);
    expect(outcome.completed).toBeTrue();
    const object = objects[0].object as z.infer<typeof CONTACT_SCHEMA>;
    expect(CONTACT_SCHEMA.safeParse(object).success).toBeTrue();
    expect(usageOf(outcome.chunks)?.outputTokens).toBe(30);
    // The raw JSON is there for whoever wants it, and the last partial is the object.
    const text = outcome.chunks.map(chunk => (chunk.type === 'text-delta' ? chunk.text : '')).join('');
    expect(JSON.parse(text)).toEqual(object);
    expect(partials[partials.length - 1].object).toEqual(object);

    const [record] = await fetchMockRequests(scenarioTag);
    const sent = target.schemaInBody(record.body) as {properties?: Record<string, unknown>};
    expect(sent).withContext('the schema in the request body').toBeDefined();
    expect(Object.keys(sent?.properties ?? {}).sort()).toEqual(['company', 'email', 'name', 'phones', 'vip']);
  });

  it('parses JSON split at every character, escapes, \\u sequences, numbers and literals included', async () => {
    const outcome = await run({
      tag: tag('split'),
      text: AWKWARD_CONTACT_JSON,
      chunks: Array.from(AWKWARD_CONTACT_JSON).length,
    });
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const object = outcome.chunks.find(chunk => chunk.type === 'object');
    expect(object?.object).toEqual(JSON.parse(AWKWARD_CONTACT_JSON));
    // No partial shows half a character: the emoji's two halves arrive in separate chunks.
    for (const chunk of outcome.chunks) {
      if (chunk.type !== 'partial-object') continue;
      const name = (chunk.object as {name?: string}).name ?? '';
      expect(/[\ud800-\udbff]$/.test(name))
        .withContext(name)
        .toBeFalse();
    }
  });

  it('validates with a plain JSON Schema too', async () => {
    const schema = llmJsonSchema<{title: string; servings: number}>({
      type: 'object',
      properties: {title: {type: 'string'}, servings: {type: 'integer', minimum: 1}},
      required: ['title', 'servings'],
      additionalProperties: false,
    });
    const good = await run({tag: tag('json-schema'), text: '{"title": "Soup", "servings": 4}'}, {schema});
    expect(good.chunks.find(chunk => chunk.type === 'object')?.object).toEqual({title: 'Soup', servings: 4});
    const bad = await run({tag: tag('json-schema-bad'), text: '{"title": "Soup", "servings": 0}'}, {schema});
    expect(LlmObjectError.isInstance(bad.error)).withContext(String(bad.error)).toBeTrue();
    expect((bad.error as LlmObjectError).issues[0].path).toEqual(['servings']);
  });

  it('ends an answer that is not JSON with an invalid-json LlmObjectError that keeps the text and the usage', async () => {
    const outcome = await run({tag: tag('prose'), text: 'Sorry, here is the contact: Ada.', outputTokens: 9});
    expect(LlmObjectError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    const error = outcome.error as LlmObjectError;
    expect(error.kind).toBe('invalid-json');
    expect(error.rawText).toBe('Sorry, here is the contact: Ada.');
    expect(error.usage.outputTokens).toBe(9);
    expect(error.usage.provider).toBe(target.provider);
    expect(error.attempts.length).toBe(1);
    expect(outcome.chunks.some(chunk => chunk.type === 'object')).toBeFalse();
  });

  it('ends JSON cut before its end with an invalid-json LlmObjectError', async () => {
    const outcome = await run({tag: tag('cut'), text: '{"name": "Ada", "email": "ada@'});
    expect(LlmObjectError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect((outcome.error as LlmObjectError).kind).toBe('invalid-json');
    // It ended early: the fault is at the end of the text.
    expect((outcome.error as LlmObjectError).issues[0].position).toBe('{"name": "Ada", "email": "ada@'.length);
    // What had arrived was shown as it grew.
    const partials = outcome.chunks.filter(chunk => chunk.type === 'partial-object');
    expect(partials[partials.length - 1]?.object).toEqual({name: 'Ada', email: 'ada@'});
  });

  it('ends valid JSON that fails the schema with a schema-mismatch LlmObjectError listing the issues', async () => {
    const text = '{"name": "Ada", "email": "not an email", "phones": "none", "company": null, "vip": true}';
    const outcome = await run({tag: tag('mismatch'), text, outputTokens: 12});
    expect(LlmObjectError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    const error = outcome.error as LlmObjectError;
    expect(error.kind).toBe('schema-mismatch');
    expect(error.rawText).toBe(text);
    expect(error.issues.map(issue => issue.path.join('.')).sort()).toEqual(['email', 'phones']);
    expect(error.details.value).toEqual(JSON.parse(text));
    expect(error.usage.outputTokens).toBe(12);
  });

  it('ends a truncated object with an LlmTruncationError holding the partial text', async () => {
    const outcome = await run({tag: tag('length'), text: '{"name": "Ada", "email"', finish: 'length'});
    expect(LlmTruncationError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect((outcome.error as LlmTruncationError).partialContent).toBe('{"name": "Ada", "email"');
  });

  if (target.reportsRefusal === false) return;

  it('ends a refusal with an LlmRefusalError that keeps the usage', async () => {
    const outcome = await run({tag: tag('refusal'), text: 'I cannot help with that.', finish: 'refusal'});
    expect(LlmRefusalError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    const error = outcome.error as LlmRefusalError;
    expect(error.refusal).toBe('I cannot help with that.');
    expect(error.usage.provider).toBe(target.provider);
    expect(['content-filter', 'stop']).toContain(error.usage.finishReason.unified);
    expect(outcome.chunks.some(chunk => chunk.type === 'object')).toBeFalse();
  });
}
