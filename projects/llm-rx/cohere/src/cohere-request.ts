import type {Cohere} from 'cohere-ai';
import {definedFields, LlmInvalidRequestError, llmMessagesOf, type LlmProviderCall} from 'llm-rx';
import {toCohereMessages} from './cohere-messages';
import {toCohereTools} from './cohere-tools';
import {toCohereJsonSchema} from './to-cohere-json-schema';

/** What `toCohereChatRequest()` reads of a call. */
export type CohereRequestCall = Pick<
  LlmProviderCall,
  'model' | 'request' | 'providerOptions' | 'output' | 'tools' | 'warnOnce'
>;

/** What `toCohereChatRequest()` gives: the SDK request, and how to read a structured answer back. */
export interface CohereChatRequest {
  readonly request: Cohere.V2ChatStreamRequest;
  /** For a call with an `output`: undoes what the sent schema changed (`ProviderEventSource.prepareObject`). */
  readonly prepareObject?: (value: unknown) => unknown;
}

/**
 * Builds the `chatStream()` request of an llm-rx request, in the SDK's camelCase (it sends snake_case).
 *
 * `systemPrompt` becomes a leading `system` message, then the conversation (`toCohereMessages()`: tool calls and
 * results included); the sampling fields map to `temperature`, `p`, `maxTokens` and `stopSequences`; the tools and
 * tool choice are `toCohereTools()`'s. `providerOptions.cohere` is merged in last, also in camelCase (e.g.
 * `{thinking: {type: 'enabled'}}`, `safetyMode`, `strictTools`); keys the SDK does not know pass through unchanged.
 *
 * A call with an `output` sets `responseFormat: {type: 'json_object', jsonSchema}` (sent as `response_format`
 * with `json_schema`), its JSON Schema adapted by `toCohereJsonSchema()`: Cohere takes no schema name, and the
 * description goes to the schema's root when it has none.
 * @param call The model, the validated request, `providerOptions.cohere`, the output, the tools and `warnOnce`.
 * @returns The SDK request, and the output's `prepareObject`.
 * @throws LlmInvalidRequestError when `topP` is outside Cohere's 0.01 to 0.99 (the SDK's documented range of `p`),
 *   or for a tool `strictTools` refuses (see `toCohereTools()`).
 * @see https://docs.cohere.com/reference/chat
 */
export function toCohereChatRequest(call: CohereRequestCall): CohereChatRequest {
  const {model, request} = call;
  if (request.topP !== undefined && (request.topP < 0.01 || request.topP > 0.99)) {
    throw new LlmInvalidRequestError(
      'topP',
      `llm-rx: cohere accepts a topP (its p) from 0.01 to 0.99; got ${request.topP} for ${model}. ` +
        'Use a value in that range for this provider.',
    );
  }
  const messages: Cohere.ChatMessageV2[] = [
    ...(request.systemPrompt !== undefined ? [{role: 'system' as const, content: request.systemPrompt}] : []),
    ...toCohereMessages(llmMessagesOf(request)),
  ];
  const output = call.output && toCohereJsonSchema(call.output.jsonSchema);
  const description = call.output?.description;
  const jsonSchema =
    output &&
    (description === undefined || 'description' in output.schema ? output.schema : {...output.schema, description});
  return {
    request: {
      model,
      messages,
      ...definedFields({
        temperature: request.temperature,
        p: request.topP,
        maxTokens: request.maxTokens,
        stopSequences: request.stopSequences?.slice(),
      }),
      ...(jsonSchema && {responseFormat: {type: 'json_object', jsonSchema}}),
      ...toCohereTools(call),
      ...call.providerOptions,
    },
    ...(output?.prepareObject && {prepareObject: output.prepareObject}),
  };
}
