/*
 * Public API of llm-rx/anthropic: the Anthropic Messages API through @anthropic-ai/sdk (an optional peer).
 */
export {anthropicProvider, createAnthropicLlm} from './src/anthropic-provider';
export type {AnthropicOptions} from './src/anthropic-options';
export type {AnthropicOutputMode} from './src/anthropic-output-mode';
export {DEFAULT_ANTHROPIC_MAX_TOKENS} from './src/anthropic-request';

// Shared with llm-rx/proxy (which meters the usage of the answers it forwards), not public.
export {createAnthropicEventMapper as _createAnthropicEventMapper} from './src/anthropic-event-mapper';
