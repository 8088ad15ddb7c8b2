import type {MessageCreateParamsStreaming} from '@anthropic-ai/sdk/resources/messages';
import {definedFields, LlmInvalidRequestError, llmMessagesOf, type LlmProviderCall} from 'llm-rx';
import {toAnthropicMessages} from './anthropic-messages';
import type {AnthropicOptions} from './anthropic-options';
import {planAnthropicOutput, type AnthropicOutputPlan} from './anthropic-output';
import {toAnthropicToolFields} from './anthropic-tools';

/** The `max_tokens` llm-rx sends when neither the request nor the options set one: the Messages API requires it. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

/** What `toAnthropicRequestBody()` reads of a call. */
export type AnthropicRequestCall = Pick<
  LlmProviderCall<unknown, AnthropicOptions>,
  'model' | 'request' | 'options' | 'providerOptions' | 'output' | 'tools' | 'warnOnce'
>;

/**
 * Builds the Messages API body of a validated request.
 *
 * `temperature` and `topP` are checked but not sent (with one warning per model): API version 2026-10-21, which
 * `@anthropic-ai/sdk` 1.x sends, answers 400 to `temperature`, `top_p` and `top_k`, even at their default values,
 * and the SDK's types no longer have them. Sending them would make every request that sets them fail at Anthropic
 * while it works elsewhere in a cascade. To use them anyway, pin the old version with the header
 * `anthropic-version: 2023-06-01` and pass them in `providerOptions.anthropic` (`{temperature: 0.2}`).
 *
 * The messages are mapped by `toAnthropicMessages()` (tool calls as `tool_use` blocks, their results as one user
 * turn of `tool_result` blocks), the request's tools and tool choice by `toAnthropicToolFields()`. A request with
 * `output` (never with tools: the core refuses both) carries its schema instead, as `planAnthropicOutput()` chose
 * (`output_config`, or a forced tool of its own); an `output_config` in `providerOptions.anthropic` (e.g.
 * `{effort: 'low'}`) is merged into the plan's.
 * @param call The model, the request, the options' `defaultMaxTokens` (`max_tokens` when the request has no
 *   `maxTokens`), `structuredOutput` and `eagerInputStreaming`, `providerOptions.anthropic`, the resolved `output`
 *   and `tools`, and the model's `warnOnce`.
 * @param output How the output schema is sent: `planAnthropicOutput(call)` by default.
 * @returns The body for `messages.create()`, with `stream: true` and `providerOptions.anthropic` merged in.
 * @throws LlmInvalidRequestError when `temperature` is above 1 (Anthropic's range is 0 to 1), and for an output
 *   Anthropic cannot take this way (see `planAnthropicOutput()`).
 */
export function toAnthropicRequestBody(
  call: AnthropicRequestCall,
  output: AnthropicOutputPlan | undefined = planAnthropicOutput(call),
): MessageCreateParamsStreaming {
  const {model, request} = call;
  if (request.temperature !== undefined && request.temperature > 1) {
    throw new LlmInvalidRequestError(
      'temperature',
      `llm-rx: anthropic accepts a temperature from 0 to 1; got ${request.temperature} for ${model}. ` +
        'Use a value of at most 1 for this provider.',
    );
  }
  if (request.temperature !== undefined || request.topP !== undefined) {
    call.warnOnce(
      'sampling-ignored',
      `llm-rx: anthropic (${model}) ignores temperature and topP: API version 2026-10-21, which @anthropic-ai/sdk ` +
        "1.x sends, rejects them. To send them anyway, set the header 'anthropic-version: 2023-06-01' and pass " +
        'them in providerOptions.anthropic.',
    );
  }
  const body = {
    model,
    max_tokens: request.maxTokens ?? call.options.defaultMaxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
    messages: toAnthropicMessages(llmMessagesOf(request)),
    ...definedFields({system: request.systemPrompt, stop_sequences: request.stopSequences?.slice()}),
    ...toAnthropicToolFields(call),
  };
  // Per-request options override the mapped fields; `stream` stays true because llm-rx always streams.
  const merged: Record<string, unknown> = {...body, ...output?.fields, ...call.providerOptions, stream: true};
  const outputConfig = call.providerOptions?.['output_config'];
  if (output?.mode === 'native' && typeof outputConfig === 'object' && outputConfig !== null) {
    merged['output_config'] = {...output.fields.output_config, ...outputConfig};
  }
  return merged as unknown as MessageCreateParamsStreaming;
}
