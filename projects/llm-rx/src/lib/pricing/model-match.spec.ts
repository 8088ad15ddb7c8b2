import {expandCompactDates, matchesModelId, normalizeModelId} from './model-match';

describe('matchesModelId', () => {
  it('compares text rules case-insensitively against a normalised id', () => {
    const id = normalizeModelId('  Claude-Haiku-4-5-20251001 ');
    expect(id).toBe('claude-haiku-4-5-20251001');
    expect(matchesModelId({starts_with: 'CLAUDE-haiku-4-5'}, id)).toBeTrue();
    expect(matchesModelId({equals: 'claude-haiku-4-5'}, id)).toBeFalse();
    expect(matchesModelId({ends_with: '-20251001'}, id)).toBeTrue();
    expect(matchesModelId({contains: 'haiku'}, id)).toBeTrue();
    expect(matchesModelId({contains: 'sonnet'}, id)).toBeFalse();
  });

  it('applies regex rules as written', () => {
    expect(matchesModelId({regex: '^claude-opus-5-\\d{8}$'}, 'claude-opus-5-20260101')).toBeTrue();
    expect(matchesModelId({regex: '^claude-opus-5-\\d{8}$'}, 'claude-opus-5-1-20260101')).toBeFalse();
  });

  it('combines rules with or and and', () => {
    const notTts = {and: [{starts_with: 'gemini-2.5-pro'}, {regex: '^(?!.*-[tT][tT][sS](?:$|-))'}]};
    expect(matchesModelId(notTts, 'gemini-2.5-pro-preview-06-05')).toBeTrue();
    expect(matchesModelId(notTts, 'gemini-2.5-pro-preview-tts')).toBeFalse();
    const either = {or: [{equals: 'gpt-5-mini'}, {equals: 'gpt-5-mini-2025-08-07'}]};
    expect(matchesModelId(either, 'gpt-5-mini-2025-08-07')).toBeTrue();
    expect(matchesModelId(either, 'gpt-5-mini-2025-08-08')).toBeFalse();
  });
});

describe('expandCompactDates', () => {
  it('rewrites valid compact dates at the end or before a dash or colon', () => {
    expect(expandCompactDates('gpt-5-mini-20250807')).toBe('gpt-5-mini-2025-08-07');
    expect(expandCompactDates('model-20250807-preview')).toBe('model-2025-08-07-preview');
    expect(expandCompactDates('model-20250807:thinking')).toBe('model-2025-08-07:thinking');
  });

  it('leaves invalid dates and other digits alone', () => {
    expect(expandCompactDates('model-20250231')).toBe('model-20250231');
    expect(expandCompactDates('model-202508071')).toBe('model-202508071');
    expect(expandCompactDates('gpt-4o')).toBe('gpt-4o');
  });
});
