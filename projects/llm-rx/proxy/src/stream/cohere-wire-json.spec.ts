import {cohereSdkShapeOf} from './cohere-wire-json';

describe('cohereSdkShapeOf', () => {
  it('renames every key to camelCase, deeply, and keeps the values', () => {
    expect(
      cohereSdkShapeOf({
        type: 'tool-call-start',
        delta: {message: {tool_calls: {id: 'get_weather_1', function: {name: 'get_weather', arguments: '{"a_b":1}'}}}},
        list: [{finish_reason: 'TOOL_CALL', billed_units: {input_tokens: 1}}, 'snake_value', 3, null],
      }),
    ).toEqual({
      type: 'tool-call-start',
      delta: {message: {toolCalls: {id: 'get_weather_1', function: {name: 'get_weather', arguments: '{"a_b":1}'}}}},
      list: [{finishReason: 'TOOL_CALL', billedUnits: {inputTokens: 1}}, 'snake_value', 3, null],
    });
  });

  it('gives values that are no object back as they are', () => {
    expect(cohereSdkShapeOf('x_y')).toBe('x_y');
    expect(cohereSdkShapeOf(null)).toBeNull();
  });
});
