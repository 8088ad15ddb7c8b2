import {
  NO_TOKENS,
  type LlmFinishReason,
  type LlmTokenCounts,
  type ProviderEventMapper,
  type ProviderStreamEvent,
} from 'llm-rx';
import type OpenAI from 'openai';
import {convertOpenAiChatUsage} from './convert-openai-usage';
import {mapOpenAiChatFinishReason} from './map-openai-finish-reason';
import {createOpenAiChatToolCalls} from './openai-chat-tool-calls';

/** How `createOpenAiChatEventMapper()` reads a service's stream; OpenAI's by default. */
export interface OpenAiChatEventMapperOptions {
  /** Normalises the usage chunk (DeepSeek counts cache hits in fields of its own). */
  readonly convertUsage?: (usage: OpenAI.CompletionUsage) => LlmTokenCounts;
  /** Maps the choice's `finish_reason`. */
  readonly mapFinishReason?: (raw: string | null) => LlmFinishReason;
  /**
   * For a service that wants a tool-calling turn's reasoning back (DeepSeek's thinking mode): the provider name
   * under which each call's end keeps the turn's `reasoning_content`, as `providerData[name].reasoningContent`.
   */
  readonly toolCallReasoning?: string;
  /**
   * The delta field a compatible service streams its reasoning in: `reasoning_content` (DeepSeek, the default)
   * or `reasoning` (Groq, OpenRouter, Ollama).
   */
  readonly reasoningField?: 'reasoning_content' | 'reasoning';
  /** Whether the usage may come inside the choice (`choices[0].usage`, Moonshot's way) rather than the chunk. */
  readonly usageInChoice?: boolean;
  /**
   * Whether the service may stream no usage at all (a local server): the call then finishes once the stream ends
   * with a finish reason, with zero token counts, and its tool calls end with the finish reason.
   */
  readonly usageOptional?: boolean;
}

/** A chunk's delta with the reasoning fields that DeepSeek (and other compatible services) add. */
type DeltaWithReasoning = OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta & {
  readonly reasoning_content?: string | null;
  readonly reasoning?: string | null;
};

/** A choice with the usage that Moonshot puts in it. */
type ChoiceWithUsage = OpenAI.Chat.Completions.ChatCompletionChunk.Choice & {
  readonly usage?: OpenAI.CompletionUsage | null;
};

/**
 * Maps a Chat Completions stream (`stream: true, stream_options: {include_usage: true}`) to provider stream
 * events: `reasoning_content` deltas become `reasoning-delta`s, `content` deltas `text-delta`s, `tool_calls`
 * deltas tool-call starts and argument deltas (`createOpenAiChatToolCalls()`), and the finish reason of the first
 * choice plus the final `choices: []` usage chunk one `finish` event at the end. The stream says nothing of a
 * call's end: every call ends once both the finish reason and the usage are in, just before that `finish`.
 * The first chunk with an `id` or a `model` (every chunk has both) gives a `response-metadata` event before its
 * content.
 * `refusal` deltas (a structured-output request the model refused: `content` stays `null`, the finish reason is
 * `stop`) are joined into that event's `refusal`, which ends an object request with an `LlmRefusalError`.
 *
 * No `finish` comes unless both arrived: a stream cut before its usage chunk is an incomplete stream, which
 * `fromProviderStream()` reports, even though the SDK ends its loop without an error. A service that may send no
 * usage (`usageOptional`) finishes on its finish reason alone, with zero token counts.
 * @param options Usage, finish-reason and reasoning handling for OpenAI-compatible services.
 * @returns A new mapper, for one stream.
 */
export function createOpenAiChatEventMapper(
  options: OpenAiChatEventMapperOptions = {},
): ProviderEventMapper<OpenAI.Chat.Completions.ChatCompletionChunk> {
  const convertUsage = options.convertUsage ?? convertOpenAiChatUsage;
  const mapFinishReason = options.mapFinishReason ?? mapOpenAiChatFinishReason;
  const {toolCallReasoning, usageInChoice = false, usageOptional = false} = options;
  const reasoningField = options.reasoningField ?? 'reasoning_content';
  const toolCalls = createOpenAiChatToolCalls();
  let finishReason: string | null | undefined;
  let usage: OpenAI.CompletionUsage | undefined;
  let refusal = '';
  // Every chunk repeats the response's id and model: told once, from the first that has them.
  let isNamed = false;
  // The turn's whole reasoning, for a service that wants it back with the tool calls.
  let keptReasoning: string | undefined;
  const providerDataOf = () =>
    toolCallReasoning === undefined || keptReasoning === undefined
      ? undefined
      : {[toolCallReasoning]: {reasoningContent: keptReasoning}};
  return {
    next(chunk) {
      if (chunk.usage) usage = chunk.usage;
      let metadataEvent: ProviderStreamEvent | undefined;
      if (!isNamed && (chunk.id || chunk.model)) {
        isNamed = true;
        metadataEvent = responseMetadataOf(chunk);
      }
      const choice = chunk.choices?.[0];
      let reasoningEvent: ProviderStreamEvent | undefined;
      let textEvent: ProviderStreamEvent | undefined;
      let callEvents: ProviderStreamEvent[] | undefined;
      if (choice) {
        if (choice.finish_reason) finishReason = choice.finish_reason;
        const choiceUsage = usageInChoice ? (choice as ChoiceWithUsage).usage : undefined;
        if (choiceUsage && !chunk.usage) usage = choiceUsage;
        const delta = choice.delta as DeltaWithReasoning | undefined;
        if (typeof delta?.refusal === 'string') refusal += delta.refusal;
        const reasoning = delta?.[reasoningField];
        if (typeof reasoning === 'string') {
          if (toolCallReasoning !== undefined) keptReasoning = (keptReasoning ?? '') + reasoning;
          if (reasoning !== '') reasoningEvent = {type: 'reasoning-delta', text: reasoning};
        }
        const content = delta?.content;
        if (typeof content === 'string' && content !== '') textEvent = {type: 'text-delta', text: content};
        if (delta?.tool_calls?.length) callEvents = toolCalls.next(chunk.id, delta.tool_calls);
      }
      // The calls end once both the finish reason and the usage are in (the last chunk or two), or with the finish
      // reason alone where the usage may never come.
      const ends =
        finishReason !== undefined && (usage !== undefined || usageOptional)
          ? toolCalls.endAll(providerDataOf())
          : undefined;
      // A text or reasoning piece alone, the common chunk: no array for it.
      if (
        metadataEvent === undefined &&
        callEvents === undefined &&
        !ends?.length &&
        (reasoningEvent === undefined || textEvent === undefined)
      ) {
        return reasoningEvent ?? textEvent;
      }
      const events = [metadataEvent, reasoningEvent, textEvent, ...(callEvents ?? []), ...(ends ?? [])].filter(
        event => event !== undefined,
      );
      return events.length === 0 ? undefined : events.length === 1 ? events[0] : events;
    },
    end(): ProviderStreamEvent | undefined {
      if (finishReason === undefined || (usage === undefined && !usageOptional)) return undefined;
      return {
        type: 'finish',
        tokens: usage === undefined ? NO_TOKENS : convertUsage(usage),
        finishReason: mapFinishReason(finishReason),
        ...(refusal !== '' && {refusal}),
      };
    },
  };
}

/** The response's id (`chatcmpl-…`) and model (OpenAI's dated snapshot of an alias) of a chunk, those it has. */
function responseMetadataOf(chunk: OpenAI.Chat.Completions.ChatCompletionChunk): ProviderStreamEvent {
  return {
    type: 'response-metadata',
    ...(chunk.id && {responseId: chunk.id}),
    ...(chunk.model && {responseModel: chunk.model}),
  };
}
