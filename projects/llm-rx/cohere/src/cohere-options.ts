import type {LlmProviderOptions} from 'llm-rx';

/** Options of the Cohere provider. */
export type CohereOptions = LlmProviderOptions;
