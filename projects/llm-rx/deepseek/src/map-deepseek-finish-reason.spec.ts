import {mapDeepSeekFinishReason} from './map-deepseek-finish-reason';

describe('mapDeepSeekFinishReason', () => {
  it('maps every documented value and keeps the raw one', () => {
    expect(mapDeepSeekFinishReason('stop')).toEqual({unified: 'stop', raw: 'stop'});
    expect(mapDeepSeekFinishReason('length')).toEqual({unified: 'length', raw: 'length'});
    expect(mapDeepSeekFinishReason('content_filter')).toEqual({unified: 'content-filter', raw: 'content_filter'});
    expect(mapDeepSeekFinishReason('tool_calls')).toEqual({unified: 'tool-calls', raw: 'tool_calls'});
  });

  it('treats insufficient_system_resource as an error', () => {
    expect(mapDeepSeekFinishReason('insufficient_system_resource')).toEqual({
      unified: 'error',
      raw: 'insufficient_system_resource',
    });
  });

  it('maps unknown and missing values to other', () => {
    expect(mapDeepSeekFinishReason('paused')).toEqual({unified: 'other', raw: 'paused'});
    expect(mapDeepSeekFinishReason(null)).toEqual({unified: 'other', raw: null});
  });
});
