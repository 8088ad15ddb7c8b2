import {LlmRefusalError, streamObject, type LlmObjectRequest, type LlmOutput, type LlmRequest} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL, type MockScenario} from '@llm-rx/mock-providers';
import {describeStructuredOutputMatrix, runStream, scenarioRequest, uniqueTag} from '@llm-rx/spec-support';
import {z} from 'zod';
import {createOpenAiLlm} from './openai-provider';

const API_KEY = 'sk-h6-responses-object-secret-0000';
const BASE_URL = `${MOCK_PROVIDERS_URL}/v1`;

/** A scenario request asking for an object. */
const ask = (scenario: MockScenario, request: Partial<LlmRequest> & {output: LlmOutput}) =>
  scenarioRequest(scenario, request) as LlmObjectRequest<unknown>;

/** The `text` config a Responses body carries. */
const textOf = (body: unknown) => (body as {text?: {format?: Record<string, unknown>; verbosity?: string}}).text;

describe('OpenAI Responses API structured output against the mock server', () => {
  const create = () => createOpenAiLlm('gpt-5-mini', {apiKey: API_KEY, baseURL: BASE_URL});
  const title = z.object({title: z.string()});

  describeStructuredOutputMatrix({
    label: 'h6-openai-responses',
    provider: 'openai',
    model: 'gpt-5-mini',
    apiKey: API_KEY,
    create: options => createOpenAiLlm('gpt-5-mini', {...options, baseURL: BASE_URL}),
    schemaInBody: body => textOf(body)?.format?.['schema'],
  });

  it('sends text.format json_schema with the name, the description and the strict schema', async () => {
    const tag = uniqueTag('h6-openai-responses-object', 'format');
    const schema = z.object({
      when: z.string().datetime(),
      link: z.string().url(),
      tags: z.array(z.string()).optional(),
    });
    const text = '{"when": "2026-12-02T09:30:00Z", "link": "https://example.com/", "tags": null}';
    const outcome = await runStream(
      streamObject(create(), ask({tag, text}, {output: {schema, name: 'event', description: 'An event'}})),
    );
    expect(outcome.chunks.find(chunk => chunk.type === 'object')?.object).toEqual({
      when: '2026-12-02T09:30:00Z',
      link: 'https://example.com/',
    });
    const [record] = await fetchMockRequests(tag);
    const format = textOf(record.body)?.format;
    expect(format).toEqual(
      jasmine.objectContaining({type: 'json_schema', name: 'event', description: 'An event', strict: true}),
    );
    const properties = (format?.['schema'] as {properties: Record<string, Record<string, unknown>>}).properties;
    // date-time is a format strict mode knows; uri is not, and only validation checks it.
    expect(properties['when']['format']).toBe('date-time');
    expect(properties['link']['format']).toBeUndefined();
    expect(properties['tags']['type']).toEqual(['array', 'null']);
  });

  it('merges provider options text into its own, and lets their text.format replace the output format', async () => {
    const merged = uniqueTag('h6-openai-responses-object', 'verbosity');
    await runStream(
      streamObject(
        create(),
        ask(
          {tag: merged, text: '{"title": "Soup"}'},
          {output: {schema: title}, providerOptions: {openai: {text: {verbosity: 'low'}}}},
        ),
      ),
    );
    const [mergedRecord] = await fetchMockRequests(merged);
    expect(textOf(mergedRecord.body)?.verbosity).toBe('low');
    expect(textOf(mergedRecord.body)?.format?.['type']).toBe('json_schema');

    const warn = spyOn(console, 'warn');
    const own = uniqueTag('h6-openai-responses-object', 'own-format');
    // A record would be warned about, were its schema sent.
    const scores = z.object({scores: z.record(z.string(), z.number())});
    const outcome = await runStream(
      streamObject(
        create(),
        ask(
          {tag: own, text: '{"scores": {"a": 1}}'},
          {output: {schema: scores}, providerOptions: {openai: {text: {format: {type: 'json_object'}}}}},
        ),
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const [ownRecord] = await fetchMockRequests(own);
    expect(textOf(ownRecord.body)).toEqual({format: {type: 'json_object'}});
    expect(warn).not.toHaveBeenCalled();
  });

  it('sends a record with strict: false', async () => {
    const tag = uniqueTag('h6-openai-responses-object', 'record');
    spyOn(console, 'warn');
    const output: LlmOutput = {schema: z.object({scores: z.record(z.string(), z.number())})};
    const outcome = await runStream(streamObject(create(), ask({tag, text: '{"scores": {"a": 1}}'}, {output})));
    expect(outcome.chunks.find(chunk => chunk.type === 'object')?.object).toEqual({scores: {a: 1}});
    const [record] = await fetchMockRequests(tag);
    expect(textOf(record.body)?.format?.['strict']).toBeFalse();
    expect(console.warn).toHaveBeenCalledTimes(1);
  });

  it('ends a refusal with its own text, the response completed', async () => {
    const tag = uniqueTag('h6-openai-responses-object', 'refusal-stop');
    const outcome = await runStream(
      streamObject(create(), ask({tag, text: 'No, sorry.', chunks: 3, finish: 'refusal'}, {output: {schema: title}})),
    );
    expect(LlmRefusalError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect((outcome.error as LlmRefusalError).refusal).toBe('No, sorry.');
    expect((outcome.error as LlmRefusalError).usage.finishReason.unified).toBe('stop');
    expect(outcome.chunks.some(chunk => chunk.type === 'text-delta')).toBeFalse();
  });
});
