import {streamObject} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
import {
  CONTACT_SCHEMA,
  describeStructuredOutputMatrix,
  runStream,
  scenarioRequest,
  uniqueTag,
} from '@llm-rx/spec-support';
import {createGeminiLlm} from './gemini-provider';

// Structured output of the real @google/genai SDK against the mock provider server: the shared matrix, then what
// is Gemini's own (thought parts beside the JSON).

const MODEL = 'gemini-2.5-flash';
const API_KEY = 'AIza-llm-rx-spec-secret-0123456789';

/** Where `@google/genai` puts `config.responseJsonSchema` in the REST body. */
function schemaInBody(body: unknown): unknown {
  return (body as {generationConfig?: {responseJsonSchema?: unknown}} | null)?.generationConfig?.responseJsonSchema;
}

describe('createGeminiLlm structured output against the mock provider server', () => {
  describeStructuredOutputMatrix({
    label: 'gemini',
    provider: 'gemini',
    model: MODEL,
    apiKey: API_KEY,
    create: options => createGeminiLlm(MODEL, {...options, baseURL: MOCK_PROVIDERS_URL}),
    schemaInBody,
  });

  it('streams thought parts as reasoning, never into the JSON, and asks for JSON in the schema order', async () => {
    const tag = uniqueTag('gemini-object', 'thoughts');
    const llm = createGeminiLlm(MODEL, {apiKey: API_KEY, baseURL: MOCK_PROVIDERS_URL});
    const request = scenarioRequest({tag, reasoning: 2}, {userPrompt: 'Extract the contact.'});
    const outcome = await runStream(streamObject(llm, {...request, output: {schema: CONTACT_SCHEMA}}));
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const reasoning = outcome.chunks.filter(chunk => chunk.type === 'reasoning-delta');
    expect(reasoning.length).toBe(2);
    const object = outcome.chunks.find(chunk => chunk.type === 'object')?.object;
    expect(CONTACT_SCHEMA.safeParse(object).success).toBeTrue();

    const [record] = await fetchMockRequests(tag);
    const config = (record.body as {generationConfig?: Record<string, unknown>}).generationConfig;
    expect(config?.['responseMimeType']).toBe('application/json');
    expect((schemaInBody(record.body) as {propertyOrdering?: unknown}).propertyOrdering).toEqual(
      Object.keys(CONTACT_SCHEMA.shape),
    );
  });
});
