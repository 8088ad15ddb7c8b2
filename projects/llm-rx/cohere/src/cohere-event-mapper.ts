import type {Cohere} from 'cohere-ai';
import type {ProviderEventMapper, ProviderStreamEvent} from 'llm-rx';
import {convertCohereUsage} from './convert-cohere-usage';
import {mapCohereFinishReason} from './map-cohere-finish-reason';

/**
 * Maps the events of `chatStream()` (camelCased by the SDK) to provider stream events.
 *
 * - `message-start`'s `id` becomes a `response-metadata` event's `responseId`; Cohere streams no model name, so
 *   there is no `responseModel`.
 * - `content-delta` text becomes `text-delta`s and thinking becomes `reasoning-delta`s.
 * - `tool-plan-delta` becomes `reasoning-delta`s: the plan is the model's reasoning about the tools it will call
 *   (the SDK calls it a chain-of-thought reflection), which Cohere keeps apart from the answer's text.
 * - `tool-call-start` (the call's id, name and maybe a first piece of arguments), `tool-call-delta` (a piece of the
 *   arguments, named only by the event's `index`) and `tool-call-end` become `tool-call-start`, `tool-call-delta`
 *   and `tool-call-end`, each call's id looked up by its index. A start without an id gets one,
 *   `<message id>_<index>`.
 * - `message-end` becomes the `finish` event, carrying the in-band error message when `finishReason` is `ERROR`
 *   (Cohere has no error event), which `fromProviderStream` raises as an `LlmProviderError` after the content.
 *
 * Citation and debug events are skipped.
 * @returns A new mapper, for one stream.
 */
export function createCohereEventMapper(): ProviderEventMapper<Cohere.V2ChatStreamResponse> {
  let messageId = 'call';
  /** The id of each started call, by the `index` its events carry. */
  const callIds = new Map<number, string>();
  let lastIndex = 0;
  return {
    next(event) {
      switch (event.type) {
        case 'message-start':
          if (!event.id) return undefined;
          messageId = event.id;
          return {type: 'response-metadata', responseId: event.id};
        case 'content-delta':
          return contentEvents(event);
        case 'tool-plan-delta': {
          const plan = event.delta?.message?.toolPlan;
          return plan ? {type: 'reasoning-delta', text: plan} : undefined;
        }
        case 'tool-call-start': {
          const index = (lastIndex = event.index ?? callIds.size);
          const call = event.delta?.message?.toolCalls;
          const toolCallId = call?.id || `${messageId}_${index}`;
          callIds.set(index, toolCallId);
          const start: ProviderStreamEvent = {
            type: 'tool-call-start',
            toolCallId,
            toolName: call?.function?.name ?? '',
          };
          const argumentsDelta = call?.function?.arguments;
          return argumentsDelta ? [start, {type: 'tool-call-delta', toolCallId, argumentsDelta}] : start;
        }
        case 'tool-call-delta': {
          const toolCallId = callIds.get(event.index ?? lastIndex);
          const argumentsDelta = event.delta?.message?.toolCalls?.function?.arguments;
          return toolCallId && argumentsDelta ? {type: 'tool-call-delta', toolCallId, argumentsDelta} : undefined;
        }
        case 'tool-call-end': {
          const toolCallId = callIds.get(event.index ?? lastIndex);
          return toolCallId ? {type: 'tool-call-end', toolCallId} : undefined;
        }
        case 'message-end': {
          const finishReason = mapCohereFinishReason(event.delta?.finishReason);
          const error = event.delta?.error;
          return {
            type: 'finish',
            tokens: convertCohereUsage(event.delta?.usage),
            finishReason,
            ...(finishReason.unified === 'error' && {errorMessage: error || `finish reason ${finishReason.raw}`}),
          };
        }
        default:
          return undefined;
      }
    },
  };
}

/** A content delta's thinking and text: one event each (an array only when one delta carries both). */
function contentEvents(
  event: Cohere.V2ChatStreamResponse.ContentDelta,
): ProviderStreamEvent | ProviderStreamEvent[] | undefined {
  const content = event.delta?.message?.content;
  if (content?.thinking && content.text) {
    return [
      {type: 'reasoning-delta', text: content.thinking},
      {type: 'text-delta', text: content.text},
    ];
  }
  if (content?.thinking) return {type: 'reasoning-delta', text: content.thinking};
  if (content?.text) return {type: 'text-delta', text: content.text};
  return undefined;
}
