/*
 * Public API of llm-rx/deepseek: DeepSeek through its OpenAI-compatible API and the official `openai` SDK.
 */
export {createDeepSeekLlm, deepSeekProvider} from './src/deepseek-provider';
export {DEEPSEEK_BASE_URL} from './src/deepseek-options';
export type {DeepSeekOptions} from './src/deepseek-options';

// Shared with llm-rx/proxy (which meters the usage of the answers it forwards), not public.
export {DEEPSEEK_CHAT_EVENTS as _DEEPSEEK_CHAT_EVENTS} from './src/deepseek-chat-events';
