/*
 * Public API of llm-rx/testing: a scripted mock Llm and marble-test helpers for your own tests.
 */
export {createLlmTestScheduler} from './src/create-llm-test-scheduler';
export {llmFromObservable} from './src/llm-from-observable';
export {MockLlm} from './src/mock-llm';
export type {MockLlmOptions, MockLlmScript} from './src/mock-llm';
export {usagePart} from './src/usage-part';
