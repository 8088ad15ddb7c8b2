import {mapGeminiFinishReason} from './map-gemini-finish-reason';

describe('mapGeminiFinishReason', () => {
  it('maps STOP to stop and MAX_TOKENS to length', () => {
    expect(mapGeminiFinishReason('STOP')).toEqual({unified: 'stop', raw: 'STOP'});
    expect(mapGeminiFinishReason('MAX_TOKENS')).toEqual({unified: 'length', raw: 'MAX_TOKENS'});
    expect(mapGeminiFinishReason('CONTINUATION')).toEqual({unified: 'length', raw: 'CONTINUATION'});
  });

  it('maps the safety, recitation and block reasons to content-filter', () => {
    for (const raw of ['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY']) {
      expect(mapGeminiFinishReason(raw)).toEqual({unified: 'content-filter', raw});
    }
  });

  it('maps malformed answers to error', () => {
    expect(mapGeminiFinishReason('MALFORMED_FUNCTION_CALL')).toEqual({
      unified: 'error',
      raw: 'MALFORMED_FUNCTION_CALL',
    });
    expect(mapGeminiFinishReason('MALFORMED_RESPONSE')).toEqual({unified: 'error', raw: 'MALFORMED_RESPONSE'});
  });

  it('maps the function calls Gemini dropped (unexpected, too many) to error', () => {
    for (const raw of ['UNEXPECTED_TOOL_CALL', 'TOO_MANY_TOOL_CALLS']) {
      expect(mapGeminiFinishReason(raw)).toEqual({unified: 'error', raw});
    }
  });

  it('keeps anything else as other, with its raw value', () => {
    expect(mapGeminiFinishReason('LANGUAGE')).toEqual({unified: 'other', raw: 'LANGUAGE'});
    expect(mapGeminiFinishReason('IMAGE_OTHER')).toEqual({unified: 'other', raw: 'IMAGE_OTHER'});
    expect(mapGeminiFinishReason(undefined)).toEqual({unified: 'other', raw: null});
  });
});
