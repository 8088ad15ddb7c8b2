import type {GenerateContentResponse, GenerateContentResponseUsageMetadata, Part} from '@google/genai';
import type {LlmFinishReason, ProviderEventMapper, ProviderStreamEvent} from 'llm-rx';
import {convertGeminiUsage} from './convert-gemini-usage';
import {mapGeminiFinishReason} from './map-gemini-finish-reason';

/** The fields of a streamed Gemini response that llm-rx reads (plain objects in specs, SDK instances in use). */
export type GeminiStreamChunk = Pick<GenerateContentResponse, 'candidates' | 'usageMetadata' | 'promptFeedback'>;

/**
 * Maps the chunks of `models.generateContentStream()` to provider stream events.
 *
 * Text parts become `text-delta`s and thought-summary parts (`thought: true`) `reasoning-delta`s. Usage is a
 * running total, so the last `usageMetadata` wins. The `finish` event comes once the stream has ended, and only
 * if a candidate carried a `finishReason` (or the prompt was blocked): a stream cut before it has no `finish`,
 * which `fromProviderStream` reports as incomplete.
 * @returns A new mapper, for one stream.
 */
export function createGeminiEventMapper(): ProviderEventMapper<GeminiStreamChunk> {
  let usage: GenerateContentResponseUsageMetadata | undefined;
  let finishReason: LlmFinishReason | undefined;
  return {
    next(chunk) {
      if (chunk.usageMetadata) usage = chunk.usageMetadata;
      const candidate = chunk.candidates?.[0];
      if (candidate?.finishReason) finishReason = mapGeminiFinishReason(candidate.finishReason);
      // A blocked prompt gets no candidate at all, only the reason it was blocked.
      const blockReason = chunk.promptFeedback?.blockReason;
      if (blockReason) finishReason = {unified: 'content-filter', raw: blockReason};
      const parts = candidate?.content?.parts;
      if (!parts) return undefined;
      // One part per chunk is the rule: no array for it.
      if (parts.length === 1) return toEvent(parts[0]);
      return parts.map(toEvent).filter(event => event !== undefined);
    },
    end(): ProviderStreamEvent | undefined {
      return finishReason && {type: 'finish', tokens: convertGeminiUsage(usage), finishReason};
    },
  };
}

function toEvent(part: Part): ProviderStreamEvent | undefined {
  if (!part.text) return undefined;
  return part.thought ? {type: 'reasoning-delta', text: part.text} : {type: 'text-delta', text: part.text};
}
