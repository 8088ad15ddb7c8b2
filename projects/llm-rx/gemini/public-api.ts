/*
 * Public API of llm-rx/gemini: Google's Gemini API through @google/genai (an optional peer).
 */
export {createGeminiLlm, geminiProvider} from './src/gemini-provider';
export type {GeminiOptions} from './src/gemini-options';
