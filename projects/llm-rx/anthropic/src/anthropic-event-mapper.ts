import type {ProviderEventMapper, ProviderFinishEvent, ProviderStreamEvent} from 'llm-rx';
import {
  createAnthropicToolCallBlocks,
  type AnthropicBlockDelta,
  type AnthropicBlockStart,
} from './anthropic-tool-call-blocks';
import {convertAnthropicUsage, mergeAnthropicUsage, type AnthropicUsageFields} from './convert-anthropic-usage';
import {mapAnthropicFinishReason} from './map-anthropic-finish-reason';

/**
 * The events of Anthropic's raw message stream that llm-rx reads: a structural subset of the SDK's
 * `RawMessageStreamEvent`.
 */
export type AnthropicStreamEvent =
  | {
      readonly type: 'message_start';
      readonly message: {readonly id?: string; readonly model?: string; readonly usage: AnthropicUsageFields};
    }
  | {
      readonly type: 'content_block_start';
      readonly index: number;
      readonly content_block: AnthropicBlockStart;
    }
  | {
      readonly type: 'content_block_delta';
      readonly index: number;
      readonly delta: AnthropicBlockDelta & {readonly text?: string};
    }
  | {readonly type: 'content_block_stop'; readonly index: number}
  | {
      readonly type: 'message_delta';
      readonly delta: {
        readonly stop_reason: string | null;
        readonly stop_details?: {readonly explanation?: string | null} | null;
      };
      readonly usage: AnthropicUsageFields;
    }
  | {readonly type: 'message_stop'};

/** Options of `createAnthropicEventMapper()`. */
export interface AnthropicEventMapperOptions {
  /**
   * The tool llm-rx forced for structured output in tool mode: its `input_json_delta`s are the answer's JSON text,
   * and its `tool_use` stop reason is a normal end (`stop`).
   */
  readonly outputTool?: string;
}

/**
 * Maps the SDK's raw message stream to llm-rx provider events: `message_start`'s message id (`msg_…`) and model →
 * `response-metadata`, `text_delta` → text, `thinking_delta` → reasoning
 * (citations are skipped), `tool_use` blocks → tool-call start, argument deltas and end
 * (`createAnthropicToolCallBlocks()`, with the thinking blocks before each call in its `providerData`), and at
 * `message_stop` one `finish` event with the usage of `message_start` overwritten by the cumulative
 * `message_delta` usage and its `stop_reason` (`tool_use` → `tool-calls`; and, for a refusal,
 * `stop_details.explanation` as the refusal). The mapper is `done` then: `message_stop` is the last event, so
 * reading stops rather than waits for the server to close.
 *
 * With `outputTool` (structured output in tool mode), the answer is the input of that tool's `tool_use` block
 * instead, and no block is a tool call: its `input_json_delta`s become the text, `tool_use` ends it as `stop`, and
 * other tools' input is skipped. Text the
 * model writes beside the tool call is never mixed into the JSON; with a forced tool the model writes none (the
 * API starts its turn with the call), but should it: it is the refusal of a `refusal` stop, and it is the text
 * (which then fails as not JSON, keeping the words) of an answer that never called the tool.
 *
 * A stream that ends without `message_stop` gets no `finish`, which `fromProviderStream()` reports as an
 * incomplete stream; the SDK itself ends such a stream silently.
 * @param options The output tool, in tool mode.
 * @returns A new mapper, for one stream of `messages.create({stream: true})`.
 */
export function createAnthropicEventMapper(
  options: AnthropicEventMapperOptions = {},
): ProviderEventMapper<AnthropicStreamEvent> {
  const {outputTool} = options;
  let usage: AnthropicUsageFields = {};
  let stopReason: string | null = null;
  let explanation: string | undefined;
  let done = false;
  // Tool mode: the output tool's block, and the text written outside it.
  let outputBlock: number | undefined;
  let textBeside = '';
  // Prose and tool calls: the tool_use blocks.
  const toolCalls = outputTool === undefined ? createAnthropicToolCallBlocks() : undefined;

  const deltaOf = (
    event: Extract<AnthropicStreamEvent, {type: 'content_block_delta'}>,
  ): ProviderStreamEvent | undefined => {
    const {delta} = event;
    // The tracker also keeps the thinking blocks' text and signatures, for the calls after them.
    const toolCall = toolCalls?.delta(event.index, delta);
    if (delta.type === 'thinking_delta' && delta.thinking) return {type: 'reasoning-delta', text: delta.thinking};
    if (toolCalls !== undefined) {
      return delta.type === 'text_delta' && delta.text ? {type: 'text-delta', text: delta.text} : toolCall;
    }
    // Tool mode: the output tool's input is the answer.
    if (delta.type === 'input_json_delta' && delta.partial_json && event.index === outputBlock) {
      return {type: 'text-delta', text: delta.partial_json};
    }
    if (delta.type === 'text_delta' && delta.text) textBeside += delta.text;
    return undefined;
  };

  const finishOf = (): ProviderStreamEvent | readonly ProviderStreamEvent[] => {
    const refusal = stopReason === 'refusal' ? (explanation ?? (textBeside || undefined)) : undefined;
    const finish: ProviderFinishEvent = {
      type: 'finish',
      tokens: convertAnthropicUsage(usage),
      finishReason: mapAnthropicFinishReason(stopReason, outputTool !== undefined),
      ...(refusal !== undefined && {refusal}),
    };
    // Tool mode without the tool's call: the words are the answer, which then fails as not JSON.
    const words = outputTool !== undefined && outputBlock === undefined && refusal === undefined ? textBeside : '';
    return words === '' ? finish : [{type: 'text-delta', text: words}, finish];
  };

  return {
    next(event) {
      switch (event.type) {
        case 'message_start': {
          usage = mergeAnthropicUsage(usage, event.message.usage);
          const {id, model} = event.message;
          return id || model
            ? {type: 'response-metadata', ...(id && {responseId: id}), ...(model && {responseModel: model})}
            : undefined;
        }
        case 'content_block_start': {
          const block = event.content_block;
          if (toolCalls !== undefined) return toolCalls.start(event.index, block);
          if (
            outputTool !== undefined &&
            outputBlock === undefined &&
            block.type === 'tool_use' &&
            block.name === outputTool
          ) {
            outputBlock = event.index;
          }
          return undefined;
        }
        case 'content_block_delta':
          return deltaOf(event);
        case 'content_block_stop':
          return toolCalls?.stop(event.index);
        case 'message_delta':
          usage = mergeAnthropicUsage(usage, event.usage);
          stopReason = event.delta.stop_reason ?? stopReason;
          explanation = event.delta.stop_details?.explanation ?? explanation;
          return undefined;
        case 'message_stop':
          done = true;
          return finishOf();
        default:
          return undefined;
      }
    },
    get done() {
      return done;
    },
  };
}
