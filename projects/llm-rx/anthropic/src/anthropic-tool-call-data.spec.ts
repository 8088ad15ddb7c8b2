import type {LlmToolCall} from 'llm-rx';
import {anthropicToolCallData, thinkingBlocksOf} from './anthropic-tool-call-data';

const THINKING = {type: 'thinking', thinking: 'Hm.', signature: 'c2ln'} as const;
const REDACTED = {type: 'redacted_thinking', data: 'b3BhcXVl'} as const;

function call(providerData?: Record<string, unknown>): LlmToolCall {
  return {toolCallId: 'toolu_1', toolName: 'weather', input: {}, ...(providerData && {providerData})};
}

describe('anthropicToolCallData', () => {
  it('keys the thinking blocks by provider name, and gives nothing without blocks', () => {
    expect(anthropicToolCallData([THINKING, REDACTED])).toEqual({anthropic: {thinking: [THINKING, REDACTED]}});
    expect(anthropicToolCallData([])).toBeUndefined();
  });
});

describe('thinkingBlocksOf', () => {
  it("gives back the blocks a call's providerData.anthropic carries, with the API's fields only", () => {
    expect(thinkingBlocksOf(call({anthropic: {thinking: [{...THINKING, extra: 1}, REDACTED]}}))).toEqual([
      THINKING,
      REDACTED,
    ]);
  });

  it("gives none for a call without it, another provider's data, or blocks that are not the API's", () => {
    expect(thinkingBlocksOf(call())).toEqual([]);
    expect(thinkingBlocksOf(call({gemini: {thoughtSignature: 'x'}}))).toEqual([]);
    expect(thinkingBlocksOf(call({anthropic: {thinking: 'Hm.'}}))).toEqual([]);
    expect(
      thinkingBlocksOf(call({anthropic: {thinking: [null, 'Hm.', {type: 'thinking', thinking: 'no signature'}]}})),
    ).toEqual([]);
  });
});
