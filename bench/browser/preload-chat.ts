/**
 * The chat of the preload page, loaded with `import()` as an app loads a lazy route: llm-rx's core and its OpenAI
 * entry point, whose own `import('openai')` is the SDK chunk the first call (or `preloadLlm()`) loads.
 */
export {preloadLlm} from 'llm-rx';
export {createOpenAiLlm} from 'llm-rx/openai';
