import {streamObject, type LlmObjectRequest, type LlmOutput, type LlmRequest} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL, type MockScenario} from '@llm-rx/mock-providers';
import {describeStructuredOutputMatrix, runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {z} from 'zod';
import {DEEPSEEK_OUTPUT_SCHEMA_MARKER} from './deepseek-output-prompt';
import {createDeepSeekLlm} from './deepseek-provider';

const API_KEY = 'sk-h6-deepseek-object-secret-0000';
const BASE_URL = `${MOCK_PROVIDERS_URL}/deepseek`;

/** A scenario request asking for an object. */
const ask = (scenario: MockScenario, request: Partial<LlmRequest> & {output: LlmOutput}) =>
  scenarioRequest(scenario, request) as LlmObjectRequest<unknown>;

/** The messages of a DeepSeek body. */
const messagesOf = (body: unknown) => (body as {messages: {role: string; content: string}[]}).messages;

/** The schema after the marker in the system message, as the adapter writes it. */
function schemaInPrompt(body: unknown): unknown {
  const system = messagesOf(body).find(message => message.role === 'system')?.content ?? '';
  const at = system.lastIndexOf(DEEPSEEK_OUTPUT_SCHEMA_MARKER);
  return at < 0 ? undefined : JSON.parse(system.slice(at + DEEPSEEK_OUTPUT_SCHEMA_MARKER.length));
}

describe('DeepSeek structured output against the mock server', () => {
  describeStructuredOutputMatrix({
    label: 'h6-deepseek',
    provider: 'deepseek',
    model: 'deepseek-chat',
    apiKey: API_KEY,
    create: options => createDeepSeekLlm('deepseek-chat', {...options, baseURL: BASE_URL}),
    schemaInBody: schemaInPrompt,
  });

  const title = z.object({title: z.string(), servings: z.number().optional()});

  it('sends JSON mode and the schema after the system prompt, with an instruction naming the object', async () => {
    const tag = uniqueTag('h6-deepseek-object', 'prompt');
    const outcome = await runStream(
      streamObject(
        createDeepSeekLlm('deepseek-chat', {apiKey: API_KEY, baseURL: BASE_URL}),
        ask(
          {tag, text: '{"title": "Soup"}'},
          {systemPrompt: 'Be brief.', output: {schema: title, name: 'recipe', description: 'A recipe card'}},
        ),
      ),
    );
    expect(outcome.chunks.find(chunk => chunk.type === 'object')?.object).toEqual({title: 'Soup'});
    const [record] = await fetchMockRequests(tag);
    const body = record.body as Record<string, unknown>;
    expect(body['response_format']).toEqual({type: 'json_object'});
    const [system, user] = messagesOf(body);
    expect(system.role).toBe('system');
    expect(system.content.startsWith('Be brief.\n\n')).toBeTrue();
    // JSON mode needs the word "json" in the prompt.
    expect(system.content).toMatch(/json/i);
    expect(system.content).toContain('"recipe" (A recipe card)');
    // The request's own schema: optional stays optional, DeepSeek is not held to it.
    expect(schemaInPrompt(body)).toEqual({
      type: 'object',
      properties: {title: {type: 'string'}, servings: {type: 'number'}},
      required: ['title'],
    });
    expect(user).toEqual({role: 'user', content: 'Say hello.'});
  });

  it('is found by the mock server where the adapter writes it (the two markers are the same)', async () => {
    // Without a scenario text the mock answers a sample of the schema it found: with none, prose that fails.
    const tag = uniqueTag('h6-deepseek-object', 'marker');
    const outcome = await runStream(
      streamObject(
        createDeepSeekLlm('deepseek-chat', {apiKey: API_KEY, baseURL: BASE_URL}),
        ask({tag}, {output: {schema: title}}),
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    expect(outcome.chunks.find(chunk => chunk.type === 'object')?.object).toEqual({
      title: 'sample text',
      servings: 1.5,
    });
  });

  it('streams the reasoner reasoning first, then the JSON answer as the object', async () => {
    const tag = uniqueTag('h6-deepseek-object', 'reasoner');
    const outcome = await runStream(
      streamObject(
        createDeepSeekLlm('deepseek-reasoner', {apiKey: API_KEY, baseURL: BASE_URL}),
        ask({tag, reasoning: 3, text: '{"title": "Soup", "servings": 2}', chunks: 4}, {output: {schema: title}}),
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const types = outcome.chunks.map(chunk => chunk.type);
    expect(types.slice(0, 3)).toEqual(['reasoning-delta', 'reasoning-delta', 'reasoning-delta']);
    expect(types.slice(-2)).toEqual(['object', 'usage']);
    expect(outcome.chunks.find(chunk => chunk.type === 'object')?.object).toEqual({title: 'Soup', servings: 2});
  });

  it('leaves a request without output as it was: no response_format, the system prompt unchanged', async () => {
    const tag = uniqueTag('h6-deepseek-object', 'prose');
    await runStream(
      createDeepSeekLlm('deepseek-chat', {apiKey: API_KEY, baseURL: BASE_URL}).stream(
        scenarioRequest({tag}, {systemPrompt: 'Be brief.'}),
      ),
    );
    const [record] = await fetchMockRequests(tag);
    expect((record.body as Record<string, unknown>)['response_format']).toBeUndefined();
    expect(messagesOf(record.body)[0]).toEqual({role: 'system', content: 'Be brief.'});
  });
});
