/*
 * Public API of llm-rx/deepseek: DeepSeek through its OpenAI-compatible API and the official `openai` SDK.
 */
export {createDeepSeekLlm, deepSeekProvider} from './src/deepseek-provider';
export {DEEPSEEK_BASE_URL} from './src/deepseek-options';
export type {DeepSeekOptions} from './src/deepseek-options';
