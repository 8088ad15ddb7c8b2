import type {GenerateContentConfig, GenerateContentParameters} from '@google/genai';
import {definedFields, llmMessagesOf, type LlmProviderCall, type ResolvedLlmOutput} from 'llm-rx';
import {toGeminiContents} from './gemini-contents';
import {toGeminiToolConfig} from './gemini-tools';
import {toGeminiJsonSchema} from './to-gemini-json-schema';

/** What `toGeminiRequestParameters()` reads of a call. */
export type GeminiRequestCall = Pick<
  LlmProviderCall,
  'model' | 'request' | 'providerOptions' | 'headers' | 'signal' | 'output' | 'tools' | 'warnOnce'
>;

/**
 * Builds the `models.generateContentStream()` parameters of a call.
 *
 * Messages map to `contents` (`toGeminiContents()`: `assistant` → `model`, tool calls and results as
 * `functionCall` and `functionResponse` parts), `systemPrompt` to `systemInstruction`, and the sampling
 * fields to `temperature`, `topP`, `maxOutputTokens` and `stopSequences`. The call's headers go to
 * `httpOptions.headers`. `providerOptions.gemini` is merged into `config` last, so it can override anything but
 * the abort signal. `automaticContinuation` is off, so that one attempt is one HTTP request (with it, the SDK
 * re-requests by itself on a `continuationToken` and sums the usage of the hops).
 *
 * A call with an `output` asks for JSON (`responseMimeType: 'application/json'`) that matches
 * `responseJsonSchema`, its JSON Schema adapted by `toGeminiJsonSchema()` (Gemini takes no schema name; the
 * description goes to the schema's root when it has none). A call with tools sends them as function declarations,
 * with its tool choice (`toGeminiToolConfig()`).
 * @param call The model, the validated request, `providerOptions.gemini`, the headers, the output, the tools, the
 *   model's `warnOnce` and the abort signal.
 * @returns The SDK call's parameters.
 * @throws LlmInvalidRequestError for a conversation Gemini cannot take (see `toGeminiContents()`).
 */
export function toGeminiRequestParameters(call: GeminiRequestCall): GenerateContentParameters {
  const {request, headers} = call;
  const config: GenerateContentConfig = {
    automaticContinuation: false,
    ...definedFields({
      systemInstruction: request.systemPrompt,
      temperature: request.temperature,
      topP: request.topP,
      maxOutputTokens: request.maxTokens,
      stopSequences: request.stopSequences?.slice(),
      httpOptions: headers && {headers: {...headers}},
    }),
    ...toGeminiToolConfig(call),
    ...(call.output && {responseMimeType: 'application/json', responseJsonSchema: responseJsonSchemaOf(call.output)}),
    ...call.providerOptions,
    // Last, so that unsubscribing always aborts the request.
    abortSignal: call.signal,
  };
  return {
    model: call.model,
    contents: toGeminiContents(llmMessagesOf(request)),
    config,
  };
}

/** The JSON Schema Gemini is sent: adapted, with the output's description at its root when it has none. */
function responseJsonSchemaOf(output: ResolvedLlmOutput): unknown {
  const schema = toGeminiJsonSchema(output.jsonSchema);
  return output.description === undefined || schema['description'] !== undefined
    ? schema
    : {...schema, description: output.description};
}
