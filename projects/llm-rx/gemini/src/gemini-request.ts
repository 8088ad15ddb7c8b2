import type {GenerateContentConfig, GenerateContentParameters} from '@google/genai';
import {llmMessagesOf, type LlmRequest} from 'llm-rx';

/**
 * Builds the `models.generateContentStream()` parameters of a request.
 *
 * Messages map to `contents` (`assistant` → `model`), `systemPrompt` to `systemInstruction`, and the sampling
 * fields to `temperature`, `topP`, `maxOutputTokens` and `stopSequences`. Per-request `headers` go to
 * `httpOptions.headers`, which the SDK merges over the client's. `providerOptions.gemini` is merged into `config`
 * last, so it can override anything but the abort signal. `automaticContinuation` is off, so that one attempt is
 * one HTTP request (with it, the SDK re-requests by itself on a
 * `continuationToken` and sums the usage of the hops).
 * @param model The model id, e.g. `gemini-2.5-flash`.
 * @param request A validated request.
 * @param signal The signal that aborts the call.
 * @returns The SDK call's parameters.
 */
export function toGeminiRequestParameters(
  model: string,
  request: LlmRequest,
  signal: AbortSignal,
): GenerateContentParameters {
  const config: GenerateContentConfig = {
    automaticContinuation: false,
    ...(request.systemPrompt !== undefined && {systemInstruction: request.systemPrompt}),
    ...(request.temperature !== undefined && {temperature: request.temperature}),
    ...(request.topP !== undefined && {topP: request.topP}),
    ...(request.maxTokens !== undefined && {maxOutputTokens: request.maxTokens}),
    ...(request.stopSequences !== undefined && {stopSequences: [...request.stopSequences]}),
    ...(request.headers !== undefined && {httpOptions: {headers: {...request.headers}}}),
    ...request.providerOptions?.['gemini'],
    // Last, so that unsubscribing always aborts the request.
    abortSignal: signal,
  };
  return {
    model,
    contents: llmMessagesOf(request).map(message => ({
      role: message.role === 'assistant' ? 'model' : 'user',
      parts: [{text: message.content}],
    })),
    config,
  };
}
