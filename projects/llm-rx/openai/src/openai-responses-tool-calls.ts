import type {ProviderStreamEvent} from 'llm-rx';
import type OpenAI from 'openai';

type ResponseEvent = OpenAI.Responses.ResponseStreamEvent;

interface OpenCall {
  readonly toolCallId: string;
  /** Whether any argument text was streamed for it. */
  hasArguments: boolean;
}

/**
 * Follows the function calls of one Responses API stream. A call is an output item: `response.output_item.added`
 * with a `function_call` item starts it, `response.function_call_arguments.delta` events stream its arguments,
 * naming the item by `item_id` (and `output_index`), and `response.output_item.done` ends it. The call's id is the
 * item's `call_id`, which the tool's result must name (`function_call_output`), not the item's own `id`. Arguments
 * only given whole (in the added item, in `.arguments.done` or in the done item, with no delta before) are sent
 * as one delta; a done item never announced is started, given its arguments and ended at once.
 * @returns A function mapping one event to its tool-call events (`[]` for any other event).
 */
export function createOpenAiResponsesToolCalls(): (event: ResponseEvent) => ProviderStreamEvent[] {
  const calls = new Map<string, OpenCall>();
  const keyOf = (itemId: string | undefined, outputIndex: number) => itemId ?? `#${outputIndex}`;
  const find = (itemId: string | undefined, outputIndex: number) =>
    calls.get(keyOf(itemId, outputIndex)) ?? calls.get(keyOf(undefined, outputIndex));
  const argumentsOf = (call: OpenCall, text: string): ProviderStreamEvent[] => {
    if (text === '') return [];
    call.hasArguments = true;
    return [{type: 'tool-call-delta', toolCallId: call.toolCallId, argumentsDelta: text}];
  };
  const start = (item: OpenAI.Responses.ResponseFunctionToolCall, outputIndex: number) => {
    const call: OpenCall = {toolCallId: item.call_id, hasArguments: false};
    calls.set(keyOf(item.id, outputIndex), call);
    if (item.id !== undefined) calls.set(keyOf(undefined, outputIndex), call);
    return call;
  };
  return event => {
    switch (event.type) {
      case 'response.output_item.added': {
        if (event.item.type !== 'function_call') return [];
        const call = start(event.item, event.output_index);
        const started: ProviderStreamEvent = {
          type: 'tool-call-start',
          toolCallId: call.toolCallId,
          toolName: event.item.name,
        };
        return [started, ...argumentsOf(call, event.item.arguments ?? '')];
      }
      case 'response.function_call_arguments.delta': {
        const call = find(event.item_id, event.output_index);
        return call === undefined ? [] : argumentsOf(call, event.delta);
      }
      case 'response.function_call_arguments.done': {
        const call = find(event.item_id, event.output_index);
        return call === undefined || call.hasArguments ? [] : argumentsOf(call, event.arguments);
      }
      case 'response.output_item.done': {
        const {item, output_index: outputIndex} = event;
        if (item.type !== 'function_call') return [];
        const known = find(item.id, outputIndex);
        const call = known ?? start(item, outputIndex);
        const events: ProviderStreamEvent[] = known
          ? []
          : [{type: 'tool-call-start', toolCallId: call.toolCallId, toolName: item.name}];
        if (!call.hasArguments) events.push(...argumentsOf(call, item.arguments ?? ''));
        events.push({type: 'tool-call-end', toolCallId: call.toolCallId});
        return events;
      }
      default:
        return [];
    }
  };
}
