/*
 * Public API of llm-rx/cohere: Cohere's Chat API v2 through cohere-ai (an optional peer).
 */
export {cohereProvider, createCohereLlm} from './src/cohere-provider';
export type {CohereOptions} from './src/cohere-options';

// Shared with llm-rx/proxy (which meters the usage of the answers it forwards), not public.
export {createCohereEventMapper as _createCohereEventMapper} from './src/cohere-event-mapper';
