import {streamObject, type LlmProviderOptions} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
import {
  describeStructuredOutputMatrix,
  runStream,
  scenarioRequest,
  uniqueTag,
  type StructuredOutputTarget,
} from '@llm-rx/spec-support';
import {z} from 'zod';
import {createCohereLlm} from './cohere-provider';

// Structured output of the real cohere-ai SDK against the mock provider server: the shared matrix, then what is
// Cohere's own (thinking beside the JSON, optional properties sent nullable).

const MODEL = 'command-a-03-2025';
const API_KEY = 'co-llm-rx-spec-secret-0123456789';

/** Where `cohere-ai` sends `responseFormat.jsonSchema`. */
function schemaInBody(body: unknown): unknown {
  return (body as {response_format?: {json_schema?: unknown}} | null)?.response_format?.json_schema;
}

const target: StructuredOutputTarget = {
  label: 'cohere',
  provider: 'cohere',
  model: MODEL,
  apiKey: API_KEY,
  create: (options: LlmProviderOptions) => createCohereLlm(MODEL, {...options, baseURL: MOCK_PROVIDERS_URL}),
  schemaInBody,
  // Cohere has no refusal and no content-filter finish reason (its finishes are COMPLETE, STOP_SEQUENCE,
  // MAX_TOKENS, TOOL_CALL, ERROR and TIMEOUT): a refused object is JSON or an invalid-json LlmObjectError, never an
  // LlmRefusalError. The matrix has no such flag yet; once it reads this one, the refusal spec is skipped.
  reportsRefusal: false,
};

describe('createCohereLlm structured output against the mock provider server', () => {
  describeStructuredOutputMatrix(target);

  it('streams thinking as reasoning, never into the JSON', async () => {
    const tag = uniqueTag('cohere-object', 'thinking');
    const schema = z.object({title: z.string(), servings: z.number().int()});
    const request = scenarioRequest({tag, reasoning: 2}, {userPrompt: 'A soup recipe.'});
    const outcome = await runStream(
      streamObject(createCohereLlm(MODEL, {apiKey: API_KEY, baseURL: MOCK_PROVIDERS_URL}), {
        ...request,
        output: {schema},
      }),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    expect(outcome.chunks.filter(chunk => chunk.type === 'reasoning-delta').length).toBe(2);
    expect(schema.safeParse(outcome.chunks.find(chunk => chunk.type === 'object')?.object).success).toBeTrue();
  });

  it('sends optional properties required and nullable, and takes their nulls out before validation', async () => {
    const tag = uniqueTag('cohere-object', 'optional');
    const schema = z.object({title: z.string(), note: z.string().optional()}).strict();
    const request = scenarioRequest({tag, text: '{"title": "Soup", "note": null}'}, {userPrompt: 'A soup recipe.'});
    const outcome = await runStream(
      streamObject(createCohereLlm(MODEL, {apiKey: API_KEY, baseURL: MOCK_PROVIDERS_URL}), {
        ...request,
        output: {schema},
      }),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    expect(outcome.chunks.find(chunk => chunk.type === 'object')?.object).toEqual({title: 'Soup'});

    const [record] = await fetchMockRequests(tag);
    expect(schemaInBody(record.body)).toEqual({
      type: 'object',
      properties: {title: {type: 'string'}, note: {type: ['string', 'null']}},
      required: ['title', 'note'],
      additionalProperties: false,
    });
  });
});
