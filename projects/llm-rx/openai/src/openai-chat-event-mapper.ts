import type {LlmFinishReason, LlmTokenCounts, ProviderEventMapper, ProviderStreamEvent} from 'llm-rx';
import type OpenAI from 'openai';
import {convertOpenAiChatUsage} from './convert-openai-usage';
import {mapOpenAiChatFinishReason} from './map-openai-finish-reason';

/** How `createOpenAiChatEventMapper()` reads a service's usage and finish reason; OpenAI's by default. */
export interface OpenAiChatEventMapperOptions {
  /** Normalises the usage chunk (DeepSeek counts cache hits in fields of its own). */
  readonly convertUsage?: (usage: OpenAI.CompletionUsage) => LlmTokenCounts;
  /** Maps the choice's `finish_reason`. */
  readonly mapFinishReason?: (raw: string | null) => LlmFinishReason;
}

/** A chunk's delta with the `reasoning_content` that DeepSeek (and other compatible services) add. */
type DeltaWithReasoning = OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta & {
  readonly reasoning_content?: string | null;
};

/**
 * Maps a Chat Completions stream (`stream: true, stream_options: {include_usage: true}`) to provider stream
 * events: `reasoning_content` deltas become `reasoning-delta`s, `content` deltas `text-delta`s, and the finish
 * reason of the first choice plus the final `choices: []` usage chunk one `finish` event at the end. `refusal`
 * deltas (a structured-output request the model refused: `content` stays `null`, the finish reason is `stop`) are
 * joined into that event's `refusal`, which ends an object request with an `LlmRefusalError`.
 *
 * No `finish` comes unless both arrived: a stream cut before its usage chunk is an incomplete stream, which
 * `fromProviderStream()` reports, even though the SDK ends its loop without an error.
 * @param options Usage and finish-reason mapping for OpenAI-compatible services.
 * @returns A new mapper, for one stream.
 */
export function createOpenAiChatEventMapper(
  options: OpenAiChatEventMapperOptions = {},
): ProviderEventMapper<OpenAI.Chat.Completions.ChatCompletionChunk> {
  const convertUsage = options.convertUsage ?? convertOpenAiChatUsage;
  const mapFinishReason = options.mapFinishReason ?? mapOpenAiChatFinishReason;
  let finishReason: string | null | undefined;
  let usage: OpenAI.CompletionUsage | undefined;
  let refusal = '';
  return {
    next(chunk) {
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices?.[0];
      if (!choice) return undefined;
      if (choice.finish_reason) finishReason = choice.finish_reason;
      const delta = choice.delta as DeltaWithReasoning | undefined;
      if (typeof delta?.refusal === 'string') refusal += delta.refusal;
      const reasoning = delta?.reasoning_content;
      const content = delta?.content;
      const hasReasoning = typeof reasoning === 'string' && reasoning !== '';
      const hasContent = typeof content === 'string' && content !== '';
      if (hasReasoning && hasContent) {
        return [
          {type: 'reasoning-delta', text: reasoning},
          {type: 'text-delta', text: content},
        ];
      }
      if (hasReasoning) return {type: 'reasoning-delta', text: reasoning};
      if (hasContent) return {type: 'text-delta', text: content};
      return undefined;
    },
    end(): ProviderStreamEvent | undefined {
      if (finishReason === undefined || usage === undefined) return undefined;
      return {
        type: 'finish',
        tokens: convertUsage(usage),
        finishReason: mapFinishReason(finishReason),
        ...(refusal !== '' && {refusal}),
      };
    },
  };
}
