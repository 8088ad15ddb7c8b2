import type {_OpenAiChatStreamConfig} from 'llm-rx/openai';
import {convertDeepSeekUsage} from './convert-deepseek-usage';
import {mapDeepSeekFinishReason} from './map-deepseek-finish-reason';

/**
 * How DeepSeek's answers read on OpenAI's Chat Completions event mapper: its own usage fields (cache hits and
 * misses) and finish reasons. The adapter streams with it, and llm-rx/proxy meters DeepSeek's answers with it.
 */
export const DEEPSEEK_CHAT_EVENTS = {
  convertUsage: convertDeepSeekUsage,
  mapFinishReason: mapDeepSeekFinishReason,
} as const satisfies NonNullable<_OpenAiChatStreamConfig['events']>;
