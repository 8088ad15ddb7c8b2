import {mapAnthropicFinishReason} from './map-anthropic-finish-reason';

describe('mapAnthropicFinishReason', () => {
  const cases: [string, string][] = [
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['refusal', 'content-filter'],
    ['tool_use', 'tool-calls'],
    ['pause_turn', 'other'],
    ['a_future_reason', 'other'],
  ];
  for (const [raw, unified] of cases) {
    it(`maps ${raw} to ${unified}, keeping the raw value`, () => {
      expect(mapAnthropicFinishReason(raw)).toEqual({unified, raw} as never);
    });
  }

  it('maps a missing stop reason to other with raw null', () => {
    expect(mapAnthropicFinishReason(null)).toEqual({unified: 'other', raw: null});
    expect(mapAnthropicFinishReason(undefined)).toEqual({unified: 'other', raw: null});
  });

  it('does not take inherited object keys for stop reasons', () => {
    expect(mapAnthropicFinishReason('toString')).toEqual({unified: 'other', raw: 'toString'});
  });

  it('maps tool_use to stop only when llm-rx forced the tool (structured output in tool mode)', () => {
    expect(mapAnthropicFinishReason('tool_use', true)).toEqual({unified: 'stop', raw: 'tool_use'});
    expect(mapAnthropicFinishReason('tool_use', false)).toEqual({unified: 'tool-calls', raw: 'tool_use'});
    expect(mapAnthropicFinishReason('refusal', true)).toEqual({unified: 'content-filter', raw: 'refusal'});
    expect(mapAnthropicFinishReason('max_tokens', true)).toEqual({unified: 'length', raw: 'max_tokens'});
  });
});
