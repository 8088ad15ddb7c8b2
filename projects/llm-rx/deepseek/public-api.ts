/*
 * Public API of llm-rx/deepseek: DeepSeek through its OpenAI-compatible API and the official `openai` SDK.
 */
export {createDeepSeekLlm, deepSeekProvider} from './src/deepseek-provider';
export {DEEPSEEK_BASE_URL} from './src/deepseek-options';
export type {DeepSeekOptions} from './src/deepseek-options';

// Shared with llm-rx/proxy (which meters the usage of the answers it forwards), not public.
export {convertDeepSeekUsage as _convertDeepSeekUsage} from './src/convert-deepseek-usage';
export {mapDeepSeekFinishReason as _mapDeepSeekFinishReason} from './src/map-deepseek-finish-reason';
