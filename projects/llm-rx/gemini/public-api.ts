/*
 * Public API of llm-rx/gemini: Google's Gemini API through @google/genai (an optional peer).
 */
export {createGeminiLlm, geminiProvider} from './src/gemini-provider';
export type {GeminiOptions} from './src/gemini-options';

// Shared with llm-rx/proxy (which meters the usage of the answers it forwards), not public.
export {createGeminiEventMapper as _createGeminiEventMapper} from './src/gemini-event-mapper';
