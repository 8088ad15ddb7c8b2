/*
 * Public API of llm-rx/cohere: Cohere's Chat API v2 through cohere-ai (an optional peer).
 */
export {cohereProvider, createCohereLlm} from './src/cohere-provider';
export type {CohereOptions} from './src/cohere-options';
