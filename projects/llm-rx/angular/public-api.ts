/*
 * Public API of llm-rx/angular: provideLlm() and its features, LlmStream, injectLlmStream() (with its tool calls),
 * injectLlmObject() and injectLlmUsage(); withPreload() and LlmStream.preload() load a provider's SDK ahead of the
 * first call.
 */
export {
  provideLlm,
  withCascade,
  withDefaults,
  withLogging,
  withModel,
  withProvider,
  withRetry,
} from './src/provide-llm';
export type {LlmFeature, LlmFeatureKind} from './src/provide-llm';
export {withPreload} from './src/with-preload';
export {withTelemetry} from './src/with-telemetry';
export type {LlmTelemetryHooks} from './src/with-telemetry';
export {LLM_DEFAULT_OPTIONS, LLM_SCHEDULER} from './src/llm-tokens';
export type {LlmDefaultOptions, LlmModelSpec, LlmRequestDefaults, LlmUsageLog} from './src/llm-tokens';
export {LlmStream} from './src/llm-stream';
export type {LlmRunToolsOptions, LlmStreamOptions} from './src/llm-stream';
export type {LlmToolCallState, LlmToolCallStatus} from './src/tool-call-states';
export {injectLlmStream} from './src/inject-llm-stream';
export type {InjectLlmStreamOptions, LlmStreamRef, LlmStreamStatus} from './src/inject-llm-stream';
export {injectLlmObject} from './src/inject-llm-object';
export type {InjectLlmObjectOptions, LlmObjectRef} from './src/inject-llm-object';
export {injectLlmUsage} from './src/inject-llm-usage';
export type {InjectLlmUsageOptions, LlmUsageRef} from './src/inject-llm-usage';
