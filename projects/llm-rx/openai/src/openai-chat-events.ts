import type {LlmFinishReason, LlmTokenCounts, ProviderStreamEvent} from 'llm-rx';
import type OpenAI from 'openai';
import {convertOpenAiChatUsage} from './convert-openai-usage';
import {mapOpenAiChatFinishReason} from './map-openai-finish-reason';

/** How `openAiChatEvents()` reads a service's usage and finish reason; OpenAI's by default. */
export interface OpenAiChatEventsOptions {
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
 * Turns a Chat Completions stream (`stream: true, stream_options: {include_usage: true}`) into provider stream
 * events: `reasoning_content` deltas become `reasoning-delta`s, `content` deltas `text-delta`s, and the finish
 * reason of the first choice plus the final `choices: []` usage chunk one `finish` event at the end.
 *
 * No `finish` is yielded unless both arrived: a stream cut before its usage chunk is an incomplete stream, which
 * `fromProviderStream()` reports, even though the SDK ends its loop without an error.
 * @param chunks The SDK's raw stream.
 * @param options Usage and finish-reason mapping for OpenAI-compatible services.
 * @returns The events, ending with one `finish` when the stream was complete.
 */
export async function* openAiChatEvents(
  chunks: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>,
  options: OpenAiChatEventsOptions = {},
): AsyncGenerator<ProviderStreamEvent, void, undefined> {
  const convertUsage = options.convertUsage ?? convertOpenAiChatUsage;
  const mapFinishReason = options.mapFinishReason ?? mapOpenAiChatFinishReason;
  let finishReason: string | null | undefined;
  let usage: OpenAI.CompletionUsage | undefined;
  for await (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    const delta = choice.delta as DeltaWithReasoning | undefined;
    if (typeof delta?.reasoning_content === 'string' && delta.reasoning_content !== '') {
      yield {type: 'reasoning-delta', text: delta.reasoning_content};
    }
    if (typeof delta?.content === 'string' && delta.content !== '') {
      yield {type: 'text-delta', text: delta.content};
    }
    if (choice.finish_reason) finishReason = choice.finish_reason;
  }
  if (finishReason !== undefined && usage !== undefined) {
    yield {type: 'finish', tokens: convertUsage(usage), finishReason: mapFinishReason(finishReason)};
  }
}
