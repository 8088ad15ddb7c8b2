import {convertAnthropicUsage, mergeAnthropicUsage} from './convert-anthropic-usage';

describe('convertAnthropicUsage', () => {
  it('adds cache reads and cache writes into inputTokens and keeps them apart too', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 10,
        cache_read_input_tokens: 200,
        cache_creation_input_tokens: 30,
        output_tokens: 7,
      }),
    ).toEqual({inputTokens: 240, outputTokens: 7, cachedInputTokens: 200, cacheWriteTokens: 30, reasoningTokens: 0});
  });

  it('takes reasoning tokens from output_tokens_details.thinking_tokens, inside outputTokens', () => {
    expect(
      convertAnthropicUsage({input_tokens: 5, output_tokens: 50, output_tokens_details: {thinking_tokens: 35}}),
    ).toEqual({inputTokens: 5, outputTokens: 50, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 35});
  });

  it('keeps the 1-hour part of the cache writes from cache_creation, inside cacheWriteTokens', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 10,
        cache_read_input_tokens: 200,
        cache_creation_input_tokens: 30,
        cache_creation: {ephemeral_1h_input_tokens: 12},
        output_tokens: 7,
      }),
    ).toEqual({
      inputTokens: 240,
      outputTokens: 7,
      cachedInputTokens: 200,
      cacheWriteTokens: 30,
      cacheWriteOneHourTokens: 12,
      reasoningTokens: 0,
    });
  });

  it('reports 0 one-hour writes when cache_creation says so, and leaves the field out when it is not sent', () => {
    const withSplit = convertAnthropicUsage({
      cache_creation_input_tokens: 30,
      cache_creation: {ephemeral_1h_input_tokens: 0},
    });
    expect(withSplit.cacheWriteOneHourTokens).toBe(0);
    for (const cacheCreation of [undefined, null, {ephemeral_1h_input_tokens: null}]) {
      const usage = convertAnthropicUsage({cache_creation_input_tokens: 30, cache_creation: cacheCreation});
      expect('cacheWriteOneHourTokens' in usage)
        .withContext(JSON.stringify(cacheCreation))
        .toBeFalse();
    }
  });

  it('treats missing and null counts as zero', () => {
    expect(
      convertAnthropicUsage({input_tokens: null, cache_read_input_tokens: null, output_tokens_details: null}),
    ).toEqual({inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0});
  });
});

describe('mergeAnthropicUsage', () => {
  it('overwrites with the cumulative message_delta counts instead of adding them', () => {
    const start = {input_tokens: 25, cache_read_input_tokens: 100, cache_creation_input_tokens: 0, output_tokens: 1};
    const delta = {input_tokens: 25, cache_read_input_tokens: 100, output_tokens: 12};
    expect(convertAnthropicUsage(mergeAnthropicUsage(start, delta))).toEqual({
      inputTokens: 125,
      outputTokens: 12,
      cachedInputTokens: 100,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
    });
  });

  it('keeps earlier counts that the later report leaves out or sends as null', () => {
    const merged = mergeAnthropicUsage(
      {input_tokens: 9, cache_creation_input_tokens: 4, output_tokens: 1, output_tokens_details: {thinking_tokens: 2}},
      {input_tokens: null, output_tokens: 3, output_tokens_details: null},
    );
    expect(merged).toEqual({
      input_tokens: 9,
      cache_read_input_tokens: undefined,
      cache_creation_input_tokens: 4,
      cache_creation: undefined,
      output_tokens: 3,
      output_tokens_details: {thinking_tokens: 2},
    });
  });

  it("keeps message_start's cache_creation split, which message_delta does not repeat", () => {
    const start = {cache_creation_input_tokens: 30, cache_creation: {ephemeral_1h_input_tokens: 12}, output_tokens: 1};
    const delta = {cache_creation_input_tokens: 30, output_tokens: 9};
    expect(convertAnthropicUsage(mergeAnthropicUsage(start, delta)).cacheWriteOneHourTokens).toBe(12);
  });
});
