import type {GenerateContentResponse, GenerateContentResponseUsageMetadata, Part} from '@google/genai';
import type {LlmFinishReason, ProviderEventMapper, ProviderStreamEvent} from 'llm-rx';
import {convertGeminiUsage} from './convert-gemini-usage';
import {mapGeminiFinishReason} from './map-gemini-finish-reason';

/** The fields of a streamed Gemini response that llm-rx reads (plain objects in specs, SDK instances in use). */
export type GeminiStreamChunk = Pick<
  GenerateContentResponse,
  'candidates' | 'usageMetadata' | 'promptFeedback' | 'responseId' | 'modelVersion'
>;

/**
 * Maps the chunks of `models.generateContentStream()` to provider stream events.
 *
 * The first chunk with a `responseId` or a `modelVersion` (every chunk repeats them) gives a `response-metadata`
 * event before its content. Text parts become `text-delta`s and thought-summary parts (`thought: true`)
 * `reasoning-delta`s. Usage is a running total, so the last `usageMetadata` wins. The `finish` event comes once
 * the stream has ended, and only if a candidate carried a `finishReason` (or the prompt was blocked): a stream cut
 * before it has no `finish`, which `fromProviderStream` reports as incomplete.
 *
 * Gemini sends each function call whole, in one `functionCall` part with its arguments already parsed: it becomes
 * `tool-call-start`, one `tool-call-delta` with the arguments as JSON, and `tool-call-end`, at once. A call
 * without an `id` (Gemini often sends none) gets `<responseId>_<n>`, `n` counting the answer's calls. The part's
 * `thoughtSignature`, which Gemini's thinking models need back with the call, goes in the end's
 * `providerData.gemini`. Gemini ends an answer of calls with `STOP`, which the core reports as `tool-calls`.
 * @returns A new mapper, for one stream.
 */
export function createGeminiEventMapper(): ProviderEventMapper<GeminiStreamChunk> {
  let usage: GenerateContentResponseUsageMetadata | undefined;
  let finishReason: LlmFinishReason | undefined;
  let callCount = 0;
  // Every chunk repeats the response's id and model version: told once, from the first that has them.
  let isNamed = false;
  // For the ids of calls without one, when the chunks carry no responseId either: unique per stream.
  const streamId = `gemini_${Math.random().toString(36).slice(2, 10)}`;
  const functionCallEvents = (part: Part, responseId: string | undefined): ProviderStreamEvent[] => {
    const {functionCall, thoughtSignature} = part;
    const index = callCount++;
    const toolCallId = functionCall?.id || `${responseId || streamId}_${index}`;
    return [
      {type: 'tool-call-start', toolCallId, toolName: functionCall?.name ?? ''},
      {type: 'tool-call-delta', toolCallId, argumentsDelta: JSON.stringify(functionCall?.args ?? {})},
      {type: 'tool-call-end', toolCallId, ...(thoughtSignature && {providerData: {gemini: {thoughtSignature}}})},
    ];
  };
  const eventsOf = (
    part: Part,
    responseId: string | undefined,
  ): ProviderStreamEvent | ProviderStreamEvent[] | undefined => {
    if (part.functionCall) return functionCallEvents(part, responseId);
    if (!part.text) return undefined;
    return part.thought ? {type: 'reasoning-delta', text: part.text} : {type: 'text-delta', text: part.text};
  };
  return {
    next(chunk) {
      if (chunk.usageMetadata) usage = chunk.usageMetadata;
      const candidate = chunk.candidates?.[0];
      if (candidate?.finishReason) finishReason = mapGeminiFinishReason(candidate.finishReason);
      // A blocked prompt gets no candidate at all, only the reason it was blocked.
      const blockReason = chunk.promptFeedback?.blockReason;
      if (blockReason) finishReason = {unified: 'content-filter', raw: blockReason};
      const parts = candidate?.content?.parts;
      // One part per chunk is the rule: no array for it.
      const content =
        parts === undefined
          ? undefined
          : parts.length === 1
            ? eventsOf(parts[0], chunk.responseId)
            : parts.flatMap(part => eventsOf(part, chunk.responseId) ?? []);
      if (isNamed || (!chunk.responseId && !chunk.modelVersion)) return content;
      isNamed = true;
      const metadata: ProviderStreamEvent = {
        type: 'response-metadata',
        ...(chunk.responseId && {responseId: chunk.responseId}),
        ...(chunk.modelVersion && {responseModel: chunk.modelVersion}),
      };
      return content === undefined ? metadata : [metadata, ...(Array.isArray(content) ? content : [content])];
    },
    end(): ProviderStreamEvent | undefined {
      return finishReason && {type: 'finish', tokens: convertGeminiUsage(usage), finishReason};
    },
  };
}
