import {LlmRefusalError, streamObject, type LlmObjectRequest, type LlmOutput, type LlmRequest} from 'llm-rx';
import type {MockScenario} from '@llm-rx/mock-providers';
import {fetchMockRequests, MOCK_PROVIDERS_URL} from '@llm-rx/mock-providers';
import {describeStructuredOutputMatrix, runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {z} from 'zod';
import {createOpenAiLlm} from './openai-provider';

const API_KEY = 'sk-h6-chat-object-secret-0000';
const BASE_URL = `${MOCK_PROVIDERS_URL}/v1`;

/** A scenario request asking for an object. */
const ask = (scenario: MockScenario, request: Partial<LlmRequest> & {output: LlmOutput}) =>
  scenarioRequest(scenario, request) as LlmObjectRequest<unknown>;

/** The JSON Schema format a Chat Completions body carries. */
const jsonSchemaFormatOf = (body: unknown) =>
  (body as {response_format?: {type: string; json_schema?: Record<string, unknown>}}).response_format;

describe('OpenAI Chat Completions structured output against the mock server', () => {
  const create = () => createOpenAiLlm('gpt-4.1-mini', {api: 'chat', apiKey: API_KEY, baseURL: BASE_URL});

  describeStructuredOutputMatrix({
    label: 'h6-openai-chat',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    apiKey: API_KEY,
    create: options => createOpenAiLlm('gpt-4.1-mini', {...options, api: 'chat', baseURL: BASE_URL}),
    schemaInBody: body => jsonSchemaFormatOf(body)?.json_schema?.['schema'],
  });

  it('sends response_format json_schema with the name, the description and the strict schema', async () => {
    const tag = uniqueTag('h6-openai-chat-object', 'format');
    const schema = z.object({title: z.string().min(3), note: z.string().optional()});
    const outcome = await runStream(
      streamObject(create(), ask({tag}, {output: {schema, name: 'recipe', description: 'A recipe card'}})),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const [record] = await fetchMockRequests(tag);
    expect(jsonSchemaFormatOf(record.body)).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'recipe',
        description: 'A recipe card',
        strict: true,
        schema: {
          type: 'object',
          // minLength is refused by strict mode: only validation checks it.
          properties: {title: {type: 'string'}, note: {type: ['string', 'null']}},
          required: ['title', 'note'],
          additionalProperties: false,
        },
      },
    });
    // The sample answer has note filled in; with null, prepareObject removes it before zod sees it.
    const nullNote = await runStream(
      streamObject(
        create(),
        ask(
          {tag: `${tag}-null`, text: '{"title": "Soup", "note": null}'},
          {
            output: {schema},
          },
        ),
      ),
    );
    expect(nullNote.error).withContext(String(nullNote.error)).toBeUndefined();
    expect(nullNote.chunks.find(chunk => chunk.type === 'object')?.object).toEqual({title: 'Soup'});
  });

  it('lets a response_format in provider options replace the output format, with no warning about ours', async () => {
    const warn = spyOn(console, 'warn');
    const tag = uniqueTag('h6-openai-chat-object', 'own-format');
    const own = {type: 'json_object'};
    // A record would be warned about, were its schema sent.
    const schema = z.object({scores: z.record(z.string(), z.number())});
    const outcome = await runStream(
      streamObject(
        create(),
        ask({tag, text: '{"scores": {"a": 1}}'}, {output: {schema}, providerOptions: {openai: {response_format: own}}}),
      ),
    );
    expect(outcome.chunks.find(chunk => chunk.type === 'object')?.object).toEqual({scores: {a: 1}});
    const [record] = await fetchMockRequests(tag);
    expect(jsonSchemaFormatOf(record.body)).toEqual(own);
    expect(warn).not.toHaveBeenCalled();
  });

  it('sends a record with strict: false and warns once that only validation checks it', async () => {
    const warn = spyOn(console, 'warn');
    const llm = create();
    const output: LlmOutput = {schema: z.object({scores: z.record(z.string(), z.number())}), name: 'scores'};
    for (const name of ['first', 'second']) {
      const tag = uniqueTag('h6-openai-chat-object', `record-${name}`);
      const outcome = await runStream(streamObject(llm, ask({tag, text: '{"scores": {"a": 1}}'}, {output})));
      expect(outcome.chunks.find(chunk => chunk.type === 'object')?.object).toEqual({scores: {a: 1}});
      const [record] = await fetchMockRequests(tag);
      expect(jsonSchemaFormatOf(record.body)?.json_schema?.['strict']).toBeFalse();
    }
    const warnings = warn.calls.allArgs().filter(([message]) => String(message).includes('"scores"'));
    expect(warnings.length).toBe(1);
    expect(String(warnings[0][0])).toContain('strict: false');
    expect(String(warnings[0][0])).toContain("only llm-rx's validation checks the answer");
    expect(String(warnings[0][0])).toContain('/properties/scores');
  });

  it('ends a refusal with its own text, finish reason stop', async () => {
    const tag = uniqueTag('h6-openai-chat-object', 'refusal-stop');
    const outcome = await runStream(
      streamObject(
        create(),
        ask(
          {tag, text: 'No, sorry.', finish: 'refusal'},
          {
            output: {schema: z.object({title: z.string()})},
          },
        ),
      ),
    );
    expect(LlmRefusalError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect((outcome.error as LlmRefusalError).refusal).toBe('No, sorry.');
    expect((outcome.error as LlmRefusalError).usage.finishReason).toEqual({unified: 'stop', raw: 'stop'});
    // The refusal is not the answer's text.
    expect(outcome.chunks.some(chunk => chunk.type === 'text-delta')).toBeFalse();
  });
});
