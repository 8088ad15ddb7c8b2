/*
 * Public API of llm-rx/openai: OpenAI through its official SDK (Responses API or Chat Completions), also for
 * OpenAI-compatible services.
 */
export {createOpenAiLlm, openAiProvider} from './src/openai-provider';
export type {OpenAiOptions} from './src/openai-options';

// Shared with llm-rx/deepseek, not public.
export {_openOpenAiChatStream} from './src/openai-chat-stream';
export type {_OpenAiChatStreamConfig} from './src/openai-chat-stream';
export {_createOpenAiClient} from './src/openai-client';
export {OPENAI_IMAGE_INPUT as _OPENAI_IMAGE_INPUT} from './src/openai-image-input';
export type {_OpenAiClientOptions, _OpenAiSdk} from './src/openai-client';
export {mapOpenAiError as _mapOpenAiError} from './src/openai-errors';
export {OPENAI_CHAT_FINISH_REASONS as _OPENAI_CHAT_FINISH_REASONS} from './src/map-openai-finish-reason';

// The event mappers, shared with llm-rx/proxy (which meters the usage of the answers it forwards), not public.
export {createOpenAiChatEventMapper as _createOpenAiChatEventMapper} from './src/openai-chat-event-mapper';
export {createOpenAiResponsesEventMapper as _createOpenAiResponsesEventMapper} from './src/openai-responses-event-mapper';
