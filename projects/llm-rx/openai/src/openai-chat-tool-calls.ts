import type {ProviderStreamEvent} from 'llm-rx';
import type OpenAI from 'openai';

type ToolCallDelta = OpenAI.Chat.Completions.ChatCompletionChunk.Choice.Delta.ToolCall;
type ToolCallEndEvent = Extract<ProviderStreamEvent, {type: 'tool-call-end'}>;

/** Follows the tool calls of one Chat Completions stream, whose deltas name a call by its index only. */
export interface OpenAiChatToolCalls {
  /**
   * The events of one chunk's `delta.tool_calls`.
   * @param chunkId The chunk's `id`, for a call the service gives no id.
   * @param deltas The chunk's tool-call deltas.
   * @returns Their start and argument events, in order; `[]` for none.
   */
  next(chunkId: string, deltas: readonly ToolCallDelta[] | null | undefined): ProviderStreamEvent[];
  /**
   * Ends every call started and not yet ended, in the order they started.
   * @param providerData What each end carries back for a later turn, if anything.
   * @returns The end events; `[]` when no call is open.
   */
  endAll(providerData?: Readonly<Record<string, unknown>>): ToolCallEndEvent[];
}

/**
 * Follows the tool calls of a Chat Completions stream. Each call streams as `delta.tool_calls[]` entries with the
 * call's `index`: the first one of an index carries the call's `id` and `function.name` (a `tool-call-start`), the
 * later ones only pieces of `function.arguments` (each a `tool-call-delta` of the call with that index); several
 * indexes may interleave. An entry without `index` (a compatible service's) counts by its position in the chunk,
 * and a call without `id` gets `<chunk id>_<index>`. An id repeated on later entries is ignored.
 * @returns A new tracker, for one stream.
 */
export function createOpenAiChatToolCalls(): OpenAiChatToolCalls {
  const idsByIndex = new Map<number, string>();
  // The ids of the calls started and not yet ended, in the order they started.
  const open = new Set<string>();
  return {
    next(chunkId, deltas) {
      if (!deltas || deltas.length === 0) return [];
      const events: ProviderStreamEvent[] = [];
      deltas.forEach((delta, position) => {
        const index = typeof delta.index === 'number' ? delta.index : position;
        let toolCallId = idsByIndex.get(index);
        if (toolCallId === undefined) {
          toolCallId = delta.id || `${chunkId}_${index}`;
          idsByIndex.set(index, toolCallId);
          open.add(toolCallId);
          events.push({type: 'tool-call-start', toolCallId, toolName: delta.function?.name ?? ''});
        }
        const argumentsDelta = delta.function?.arguments;
        if (argumentsDelta) events.push({type: 'tool-call-delta', toolCallId, argumentsDelta});
      });
      return events;
    },
    endAll(providerData) {
      const ending = [...open];
      open.clear();
      return ending.map(toolCallId => ({
        type: 'tool-call-end',
        toolCallId,
        ...(providerData && {providerData}),
      }));
    },
  };
}
