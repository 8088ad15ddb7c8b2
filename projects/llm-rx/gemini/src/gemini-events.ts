import type {GenerateContentResponse, GenerateContentResponseUsageMetadata} from '@google/genai';
import type {LlmFinishReason, ProviderStreamEvent} from 'llm-rx';
import {convertGeminiUsage} from './convert-gemini-usage';
import {mapGeminiFinishReason} from './map-gemini-finish-reason';

/** The fields of a streamed Gemini response that llm-rx reads (plain objects in specs, SDK instances in use). */
export type GeminiStreamChunk = Pick<GenerateContentResponse, 'candidates' | 'usageMetadata' | 'promptFeedback'>;

/**
 * Turns the chunks of `models.generateContentStream()` into provider stream events.
 *
 * Text parts become `text-delta`s and thought-summary parts (`thought: true`) `reasoning-delta`s. Usage is a
 * running total, so the last `usageMetadata` wins. The `finish` event comes once the stream has ended, and only
 * if a candidate carried a `finishReason` (or the prompt was blocked): a stream cut before it has no `finish`,
 * which `fromProviderStream` reports as incomplete.
 * @param chunks The SDK's stream.
 * @returns The events, ending with one `finish` event when the answer finished.
 */
export async function* geminiEvents(chunks: AsyncIterable<GeminiStreamChunk>): AsyncGenerator<ProviderStreamEvent> {
  let usage: GenerateContentResponseUsageMetadata | undefined;
  let finishReason: LlmFinishReason | undefined;
  for await (const chunk of chunks) {
    if (chunk.usageMetadata) usage = chunk.usageMetadata;
    const candidate = chunk.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) {
      if (!part.text) continue;
      yield part.thought ? {type: 'reasoning-delta', text: part.text} : {type: 'text-delta', text: part.text};
    }
    if (candidate?.finishReason) finishReason = mapGeminiFinishReason(candidate.finishReason);
    // A blocked prompt gets no candidate at all, only the reason it was blocked.
    const blockReason = chunk.promptFeedback?.blockReason;
    if (blockReason) finishReason = {unified: 'content-filter', raw: blockReason};
  }
  if (finishReason) yield {type: 'finish', tokens: convertGeminiUsage(usage), finishReason};
}
