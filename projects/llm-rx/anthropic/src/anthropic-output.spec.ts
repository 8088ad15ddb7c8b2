import {createWarnOnce, LlmInvalidRequestError, resolveLlmOutput, type LlmOutput} from 'llm-rx';
import type {AnthropicOptions} from './anthropic-options';
import {DEFAULT_OUTPUT_TOOL_DESCRIPTION, planAnthropicOutput} from './anthropic-output';

const SCHEMA = {type: 'object', properties: {name: {type: 'string'}, nick: {type: 'string'}}, required: ['name']};
const RECORD_SCHEMA = {type: 'object', properties: {scores: {type: 'object', additionalProperties: {type: 'number'}}}};

function plan(
  model: string,
  options: AnthropicOptions = {},
  providerOptions?: Record<string, unknown>,
  output: LlmOutput = {schema: SCHEMA, name: 'contact'},
  warnOnce = createWarnOnce(),
) {
  return planAnthropicOutput({model, options, providerOptions, output: resolveLlmOutput(output), warnOnce});
}

function thrownBy(run: () => unknown): LlmInvalidRequestError {
  try {
    run();
  } catch (error) {
    expect(LlmInvalidRequestError.isInstance(error)).withContext(String(error)).toBeTrue();
    return error as LlmInvalidRequestError;
  }
  throw new Error('expected an LlmInvalidRequestError');
}

describe('planAnthropicOutput', () => {
  it('gives nothing for a request without output', () => {
    expect(
      planAnthropicOutput({
        model: 'claude-sonnet-4-5',
        options: {},
        providerOptions: undefined,
        output: undefined,
        warnOnce: createWarnOnce(),
      }),
    ).toBeUndefined();
  });

  it('plans native structured output for a native model, with prepareObject for the nullable optional', () => {
    const result = plan('claude-haiku-4-5');
    expect(result?.mode).toBe('native');
    if (result?.mode !== 'native') return;
    expect(result.fields.output_config.format).toEqual({
      type: 'json_schema',
      schema: {
        type: 'object',
        properties: {name: {type: 'string'}, nick: {type: ['string', 'null']}},
        required: ['name', 'nick'],
        additionalProperties: false,
      },
    });
    expect(result.prepareObject?.({name: 'Ada', nick: null})).toEqual({name: 'Ada'});
  });

  it('plans a forced tool, with the schema as it is, for an older model or the option tool', () => {
    for (const [model, options] of [
      ['claude-3-7-sonnet-20250219', {}],
      ['claude-sonnet-4-5', {structuredOutput: 'tool'}],
    ] as const) {
      const result = plan(model, options);
      expect(result)
        .withContext(model)
        .toEqual({
          mode: 'tool',
          fields: {
            tools: [{name: 'contact', description: DEFAULT_OUTPUT_TOOL_DESCRIPTION, input_schema: SCHEMA}],
            tool_choice: {type: 'tool', name: 'contact', disable_parallel_tool_use: true},
          },
          toolName: 'contact',
        } as never);
    }
  });

  it('plans native structured output for an id it does not know with the option native', () => {
    expect(plan('my-proxy-alias', {structuredOutput: 'native'})?.mode).toBe('native');
  });

  it('sends a schema native output cannot express as a forced tool, warning once per model', () => {
    const warn = spyOn(console, 'warn');
    const warnOnce = createWarnOnce();
    const output = {schema: RECORD_SCHEMA, name: 'scores'};
    expect(plan('claude-sonnet-4-5', {}, undefined, output, warnOnce)?.mode).toBe('tool');
    expect(plan('claude-sonnet-4-5', {}, undefined, output, warnOnce)?.mode).toBe('tool');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.calls.first().args[0]).toMatch(
      /^llm-rx: anthropic \(claude-sonnet-4-5\) sends an output schema as a forced tool/,
    );
  });

  it('refuses a schema native output cannot express when the option asks for native', () => {
    const error = thrownBy(() =>
      plan('claude-sonnet-4-5', {structuredOutput: 'native'}, undefined, {schema: RECORD_SCHEMA}),
    );
    expect(error.field).toBe('output.schema');
    expect(error.message).toContain("structuredOutput: 'tool'");
  });

  it('refuses extended thinking in tool mode, which the Messages API refuses with a forced tool', () => {
    for (const thinking of [{type: 'enabled', budget_tokens: 2048}, {type: 'adaptive'}]) {
      const error = thrownBy(() => plan('claude-3-7-sonnet-20250219', {}, {thinking}));
      expect(error.field).toBe('providerOptions.anthropic.thinking');
      expect(error.message).toMatch(
        /^llm-rx: anthropic \(claude-3-7-sonnet-20250219\) sends the output schema as a forced tool/,
      );
    }
    expect(plan('claude-3-7-sonnet-20250219', {}, {thinking: {type: 'disabled'}})?.mode).toBe('tool');
  });

  it('keeps extended thinking in native mode', () => {
    expect(plan('claude-sonnet-4-5', {}, {thinking: {type: 'adaptive'}})?.mode).toBe('native');
  });

  it('refuses tools or tool_choice of providerOptions in tool mode, which would replace the output tool', () => {
    expect(thrownBy(() => plan('claude-3-5-haiku-latest', {}, {tools: []})).field).toBe(
      'providerOptions.anthropic.tools',
    );
    expect(thrownBy(() => plan('claude-3-5-haiku-latest', {}, {tool_choice: {type: 'auto'}})).field).toBe(
      'providerOptions.anthropic.tool_choice',
    );
  });
});
