import {LlmConfigurationError, LlmInvalidRequestError, streamObject, type LlmOutput, type LlmRequest} from 'llm-rx';
import {fetchMockRequests, MOCK_PROVIDERS_URL, type MockScenario} from '@llm-rx/mock-providers';
import {
  CONTACT_SCHEMA,
  describeStructuredOutputMatrix,
  runStream,
  scenarioRequest,
  uniqueTag,
} from '@llm-rx/spec-support';
import {z} from 'zod';
import type {AnthropicOptions} from './anthropic-options';
import {createAnthropicLlm} from './anthropic-provider';

// Structured output against the mock provider server (node --import tsx projects/mock-providers/src/main.ts), in
// Node and Chromium: native structured output, and the forced tool of models without it.
const NATIVE_MODEL = 'claude-sonnet-4-6';
const TOOL_MODEL = 'claude-3-5-haiku-latest';
const API_KEY = 'sk-ant-api03-structured-secret-7777';

/** The body fields of a recorded request. */
type RecordedBody = {
  output_config?: {format?: {schema?: unknown}};
  tools?: {name: string; input_schema: unknown}[];
  tool_choice?: {type: string; name?: string};
};

function create(model: string, options: AnthropicOptions = {}) {
  return createAnthropicLlm(model, {apiKey: API_KEY, ...options, baseURL: MOCK_PROVIDERS_URL});
}

describe('createAnthropicLlm structured output against the mock server', () => {
  describe('native (output_config.format)', () => {
    describeStructuredOutputMatrix({
      label: 'anthropic-native',
      provider: 'anthropic',
      model: NATIVE_MODEL,
      apiKey: API_KEY,
      create: options => createAnthropicLlm(NATIVE_MODEL, {...options, baseURL: MOCK_PROVIDERS_URL}),
      schemaInBody: body => (body as RecordedBody).output_config?.format?.schema,
    });
  });

  describe('tool mode (a forced tool)', () => {
    describeStructuredOutputMatrix({
      label: 'anthropic-tool',
      provider: 'anthropic',
      model: TOOL_MODEL,
      apiKey: API_KEY,
      create: options => createAnthropicLlm(TOOL_MODEL, {...options, baseURL: MOCK_PROVIDERS_URL}),
      schemaInBody: body => {
        const {tools, tool_choice: choice} = body as RecordedBody;
        return choice?.type === 'tool' ? tools?.find(tool => tool.name === choice.name)?.input_schema : undefined;
      },
    });
  });

  const contactRequest = (scenario: MockScenario, request: Partial<LlmRequest> = {}) =>
    scenarioRequest(scenario, {
      userPrompt: 'Extract the contact.',
      output: {schema: CONTACT_SCHEMA, name: 'contact'},
      ...request,
    }) as LlmRequest & {
      output: NonNullable<LlmRequest['output']>;
    };

  it('sends a native model a closed schema and no tools, and ends with finish reason stop', async () => {
    const tag = uniqueTag('anthropic-object', 'native-body');
    const outcome = await runStream(streamObject(create(NATIVE_MODEL), contactRequest({tag})));
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const [record] = await fetchMockRequests(tag);
    const body = record.body as RecordedBody;
    expect(body.tools).toBeUndefined();
    expect(body.tool_choice).toBeUndefined();
    expect(body.output_config?.format?.schema).toEqual(jasmine.objectContaining({additionalProperties: false}));
    const usage = outcome.chunks.at(-1);
    expect(usage?.type === 'usage' && usage.usage.finishReason).toEqual({unified: 'stop', raw: 'end_turn'});
  });

  it('sends a tool-mode model the forced tool, and ends its tool_use as stop, not tool-calls', async () => {
    const tag = uniqueTag('anthropic-object', 'tool-body');
    const outcome = await runStream(streamObject(create(TOOL_MODEL), contactRequest({tag})));
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const [record] = await fetchMockRequests(tag);
    const body = record.body as RecordedBody;
    expect(body.output_config).toBeUndefined();
    expect(body.tool_choice).toEqual({type: 'tool', name: 'contact', disable_parallel_tool_use: true} as never);
    expect(body.tools?.map(tool => tool.name)).toEqual(['contact']);
    const usage = outcome.chunks.at(-1);
    expect(usage?.type === 'usage' && usage.usage.finishReason).toEqual({unified: 'stop', raw: 'tool_use'});
  });

  it('reads the null a native answer gives an optional property (sent required and nullable) as absent', async () => {
    const schema = z.object({name: z.string(), nick: z.string().optional()});
    const tag = uniqueTag('anthropic-object', 'optional');
    const outcome = await runStream(
      streamObject(
        create(NATIVE_MODEL),
        scenarioRequest({tag, text: '{"name": "Ada", "nick": null}'}, {output: {schema}}) as LlmRequest & {
          output: LlmOutput<z.infer<typeof schema>>;
        },
      ),
    );
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    expect(outcome.chunks.find(chunk => chunk.type === 'object')?.object).toEqual({name: 'Ada'});
    const [record] = await fetchMockRequests(tag);
    expect((record.body as RecordedBody).output_config?.format?.schema).toEqual(
      jasmine.objectContaining({required: ['name', 'nick']}),
    );
  });

  it('uses a forced tool for a native model with the option structuredOutput: tool', async () => {
    const tag = uniqueTag('anthropic-object', 'option-tool');
    const outcome = await runStream(
      streamObject(create(NATIVE_MODEL, {structuredOutput: 'tool'}), contactRequest({tag})),
    );
    expect(outcome.chunks.some(chunk => chunk.type === 'object'))
      .withContext(String(outcome.error))
      .toBeTrue();
    const [record] = await fetchMockRequests(tag);
    expect((record.body as RecordedBody).tool_choice?.type).toBe('tool');
  });

  it('keeps tool_use as tool-calls for a prose request, its input no text', async () => {
    const tag = uniqueTag('anthropic-object', 'prose-tool-use');
    // The application's own forced tool: the answer is a call for it to run, not a stop.
    const outcome = await runStream(
      create(TOOL_MODEL).stream(
        scenarioRequest(
          {tag, toolArgs: '{}'},
          {
            providerOptions: {
              anthropic: {
                tools: [{name: 'lookup', input_schema: {type: 'object'}}],
                tool_choice: {type: 'tool', name: 'lookup'},
              },
            },
          },
        ),
      ),
    );
    const usage = outcome.chunks.at(-1);
    expect(usage?.type === 'usage' && usage.usage.finishReason).toEqual({unified: 'tool-calls', raw: 'tool_use'});
    // Its input is no text of the answer (and, the request having no tools, no tool-call part either).
    expect(outcome.chunks.map(chunk => chunk.type)).toEqual(['usage']);
  });

  it('refuses extended thinking in tool mode with LlmInvalidRequestError, before any request', async () => {
    const tag = uniqueTag('anthropic-object', 'thinking');
    const outcome = await runStream(
      streamObject(
        create('claude-3-7-sonnet-20250219'),
        contactRequest({tag}, {providerOptions: {anthropic: {thinking: {type: 'enabled', budget_tokens: 2048}}}}),
      ),
    );
    expect(LlmInvalidRequestError.isInstance(outcome.error)).withContext(String(outcome.error)).toBeTrue();
    expect((outcome.error as LlmInvalidRequestError).field).toBe('providerOptions.anthropic.thinking');
    expect(await fetchMockRequests(tag)).toEqual([]);
  });

  it('streams thinking, then the object, for a native model with extended thinking', async () => {
    const tag = uniqueTag('anthropic-object', 'native-thinking');
    const request = contactRequest({tag, reasoning: 2}, {providerOptions: {anthropic: {thinking: {type: 'adaptive'}}}});
    const outcome = await runStream(streamObject(create(NATIVE_MODEL), request));
    expect(outcome.error).withContext(String(outcome.error)).toBeUndefined();
    const types = outcome.chunks.map(chunk => chunk.type);
    expect(types.indexOf('reasoning-delta')).toBeLessThan(types.indexOf('partial-object'));
    expect(types).toContain('object');
  });

  it('rejects an unknown structuredOutput option with LlmConfigurationError naming the field', () => {
    let thrown: unknown;
    try {
      create(NATIVE_MODEL, {structuredOutput: 'json' as never});
    } catch (error) {
      thrown = error;
    }
    expect(LlmConfigurationError.isInstance(thrown)).withContext(String(thrown)).toBeTrue();
    expect((thrown as LlmConfigurationError).field).toBe('structuredOutput');
  });
});
