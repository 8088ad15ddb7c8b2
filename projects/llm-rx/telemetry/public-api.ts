/*
 * Public API of llm-rx/telemetry: OpenTelemetry spans and metrics of llm-rx calls, per the GenAI semantic
 * conventions, live and replayed from the local call log. Its only dependency is `@opentelemetry/api`.
 */
export {createLlmTelemetry, LLM_RX_INSTRUMENTATION_SCOPE} from './src/create-llm-telemetry';
export type {LlmTelemetry} from './src/create-llm-telemetry';
export type {LlmTelemetryOptions} from './src/llm-telemetry-options';
export {replayLlmCalls, DEFAULT_LLM_REPLAY_NAME} from './src/replay-llm-calls';
export type {LlmReplayOptions, LlmReplayProgress} from './src/replay-llm-calls';
export {
  GEN_AI,
  GEN_AI_METRIC,
  GEN_AI_OPERATION,
  LLM_RX as LLM_RX_ATTRIBUTES,
  genAiProviderName,
} from './src/gen-ai-conventions';
