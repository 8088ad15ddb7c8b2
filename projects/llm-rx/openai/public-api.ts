/*
 * Public API of llm-rx/openai: OpenAI through its official SDK (Responses API or Chat Completions), also for
 * OpenAI-compatible services.
 */
export {createOpenAiLlm, openAiProvider} from './src/openai-provider';
export type {OpenAiOptions} from './src/openai-options';

// Shared with llm-rx/deepseek, not public.
export {_createOpenAiChatStream} from './src/openai-chat-stream';
export type {_OpenAiChatStreamConfig} from './src/openai-chat-stream';
export {_lazyOpenAiConnection} from './src/openai-client';
export type {_OpenAiClientOptions, _OpenAiConnection} from './src/openai-client';
