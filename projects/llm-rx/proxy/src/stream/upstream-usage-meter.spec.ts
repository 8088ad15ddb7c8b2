import {createUpstreamUsageMeter} from './upstream-usage-meter';

// Chat Completions chunks as the wire sends them: content, the finish reason, the usage chunk.
const CHAT_CHUNKS = [
  '{"id":"chatcmpl-1","model":"gpt-5-mini-2025","choices":[{"index":0,"delta":{"content":"Hello"}}]}',
  '{"id":"chatcmpl-1","model":"gpt-5-mini-2025","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
  '{"id":"chatcmpl-1","model":"gpt-5-mini-2025","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3}}',
];

describe('createUpstreamUsageMeter', () => {
  it("reads a wire's usage with its mapper, giving the held-back finish at result()", () => {
    const meter = createUpstreamUsageMeter('openai-chat');
    CHAT_CHUNKS.forEach(chunk => meter.data(chunk));
    meter.data('[DONE]');

    expect(meter.result()).toEqual({
      tokens: {inputTokens: 12, outputTokens: 3, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0},
      outputChars: 5,
      responseModel: 'gpt-5-mini-2025',
    });
  });

  it('skips [DONE], text that is not JSON, JSON that is no object, and never throws', () => {
    const meter = createUpstreamUsageMeter('openai-chat');
    for (const payload of ['', '[DONE]', 'not json', '{"broken":', 'null', '42', '[1,2]', '"text"', '{"choices":7}']) {
      expect(() => meter.data(payload)).not.toThrow();
    }
    expect(() => meter.json(undefined)).not.toThrow();
    expect(meter.result()).toEqual({tokens: undefined, outputChars: 0});
  });

  it('stops reading at [DONE], as the SDKs do', () => {
    const meter = createUpstreamUsageMeter('openai-chat');
    meter.data(CHAT_CHUNKS[0]);
    meter.data('[DONE]');
    meter.data(CHAT_CHUNKS[0]);
    expect(meter.result().outputChars).toBe(5);
  });

  it("skips an event its mapper throws on, and goes on reading (Anthropic's delta without its delta)", () => {
    const meter = createUpstreamUsageMeter('anthropic');
    meter.data('{"type":"message_start","message":{"id":"msg_1","model":"claude-x","usage":{"input_tokens":9}}}');
    expect(() => meter.data('{"type":"content_block_delta","index":0,"delta":null}')).not.toThrow();
    meter.data('{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}');
    meter.data('{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":4}}');
    meter.data('{"type":"message_stop"}');
    // After message_stop the mapper is done: nothing more is read.
    meter.data('{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"late"}}');

    const usage = meter.result();
    expect(usage.tokens).toEqual(jasmine.objectContaining({inputTokens: 9, outputTokens: 4}));
    expect(usage.outputChars).toBe(2);
    expect(usage.responseModel).toBe('claude-x');
  });

  it('gives no tokens for an error event, whose finish carries zero tokens, so that the proxy estimates', () => {
    const meter = createUpstreamUsageMeter('openai-responses');
    meter.data('{"type":"response.output_text.delta","delta":"abc"}');
    meter.data('{"type":"error","code":"server_error","message":"boom"}');
    expect(meter.result()).toEqual({tokens: undefined, outputChars: 3});
  });

  it('reads parsed payloads with json(), and gives the same result on every result() call', () => {
    const meter = createUpstreamUsageMeter('openai-chat');
    CHAT_CHUNKS.forEach(chunk => meter.json(JSON.parse(chunk)));
    const first = meter.result();
    meter.json(JSON.parse(CHAT_CHUNKS[0]));
    expect(meter.result()).toBe(first);
    expect(first.tokens?.inputTokens).toBe(12);
  });

  it("reads Cohere's snake_case wire as its SDK's camelCase, billed units first", () => {
    const meter = createUpstreamUsageMeter('cohere');
    meter.data('{"type":"message-start","id":"c-1","delta":{"message":{"role":"assistant"}}}');
    meter.data('{"type":"tool-plan-delta","delta":{"message":{"tool_plan":"Plan"}}}');
    meter.data(
      '{"type":"message-end","delta":{"finish_reason":"COMPLETE","usage":{"billed_units":{"input_tokens":7,' +
        '"output_tokens":2},"tokens":{"input_tokens":70,"output_tokens":2},"cached_tokens":3}}}',
    );
    expect(meter.result()).toEqual({
      tokens: {inputTokens: 7, outputTokens: 2, cachedInputTokens: 3, cacheWriteTokens: 0, reasoningTokens: 0},
      outputChars: 4,
    });
  });
});
