import {mapCohereFinishReason} from './map-cohere-finish-reason';

describe('mapCohereFinishReason', () => {
  it('maps COMPLETE and STOP_SEQUENCE to stop, MAX_TOKENS to length and TOOL_CALL to tool-calls', () => {
    expect(mapCohereFinishReason('COMPLETE')).toEqual({unified: 'stop', raw: 'COMPLETE'});
    expect(mapCohereFinishReason('STOP_SEQUENCE')).toEqual({unified: 'stop', raw: 'STOP_SEQUENCE'});
    expect(mapCohereFinishReason('MAX_TOKENS')).toEqual({unified: 'length', raw: 'MAX_TOKENS'});
    expect(mapCohereFinishReason('TOOL_CALL')).toEqual({unified: 'tool-calls', raw: 'TOOL_CALL'});
  });

  it('maps ERROR and TIMEOUT to error', () => {
    expect(mapCohereFinishReason('ERROR')).toEqual({unified: 'error', raw: 'ERROR'});
    expect(mapCohereFinishReason('TIMEOUT')).toEqual({unified: 'error', raw: 'TIMEOUT'});
  });

  it('keeps unknown values as other, and a missing one as null', () => {
    expect(mapCohereFinishReason('SOMETHING_NEW')).toEqual({unified: 'other', raw: 'SOMETHING_NEW'});
    expect(mapCohereFinishReason(undefined)).toEqual({unified: 'other', raw: null});
  });
});
