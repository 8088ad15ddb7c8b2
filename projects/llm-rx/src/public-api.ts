/*
 * Public API of the llm-rx core: no Angular, no provider SDK.
 */
// Chunks, usage and requests: what a stream carries and what it is asked.
export {isContentChunk} from './lib/chunk/llm-chunk';
export type {
  LlmChunk,
  LlmContentChunk,
  LlmObjectPart,
  LlmPartialObjectPart,
  LlmReasoningDelta,
  LlmStepFinishPart,
  LlmTextDelta,
  LlmToolCallDelta,
  LlmToolCallEnd,
  LlmToolCallStart,
  LlmToolResultPart,
  LlmUsagePart,
} from './lib/chunk/llm-chunk';
export {NO_TOKENS} from './lib/usage/llm-usage';
export type {
  LlmAttempt,
  LlmAttemptOutcome,
  LlmCost,
  LlmFinishReason,
  LlmFinishReasonType,
  LlmTokenCounts,
  LlmUsage,
} from './lib/usage/llm-usage';
export type {
  LlmAssistantMessage,
  LlmAttemptStart,
  LlmMessage,
  LlmRequest,
  LlmToolMessage,
  LlmUserMessage,
} from './lib/request/llm-request';
export {validateLlmRequest} from './lib/request/validate-llm-request';
export {llmMessagesOf} from './lib/request/llm-messages';
export {hasLlmImages, llmContentParts, llmContentText} from './lib/request/llm-content';
export type {LlmImagePart, LlmTextPart, LlmUserContent, LlmUserContentPart} from './lib/request/llm-content';
export type {LlmImageInput} from './lib/image/llm-image-input';
export {
  base64ByteLength,
  blobToDataUrl,
  bytesToBase64,
  llmImageSourceOf,
  llmImageUrlOf,
  mediaTypeOfUrl,
  parseLlmDataUrl,
  type LlmImageSource,
} from './lib/image/llm-image-source';
export {llmImagesOf, peekLlmImage, type LocatedLlmImage} from './lib/image/check-llm-images';
export {describeLlmImage, type LlmImageDescription} from './lib/image/describe-llm-image';

// Structured output: an object that matches a schema, streamed.
export {streamObject} from './lib/object/stream-object';
export type {LlmObjectChunk, LlmObjectRequest} from './lib/object/stream-object';
export {llmJsonSchema} from './lib/object/llm-output';
export type {LlmDeepPartial, LlmJsonSchema, LlmOutput, LlmSchema, LlmTypedJsonSchema} from './lib/object/llm-output';
export type {
  StandardSchemaV1,
  StandardSchemaV1Issue,
  StandardSchemaV1Props,
  StandardSchemaV1Result,
} from './lib/object/standard-schema';
export {DEFAULT_OUTPUT_NAME, isStandardSchema, resolveLlmOutput} from './lib/object/resolve-llm-output';
export type {ResolvedLlmOutput} from './lib/object/resolve-llm-output';
export {validateLlmObject} from './lib/object/validate-llm-object';
export type {LlmObjectValidation} from './lib/object/validate-llm-object';
export {toStrictJsonSchema} from './lib/object/strict-json-schema';
export {mapJsonSchema} from './lib/object/map-json-schema';
export type {JsonSchemaMapper, JsonSchemaNode} from './lib/object/map-json-schema';
export type {StrictJsonSchema, StrictJsonSchemaOptions} from './lib/object/strict-json-schema';
export {PartialJsonParser} from './lib/object/partial-json-parser';
export type {PartialJsonFailure} from './lib/object/partial-json-parser';

// Tools: calls the model makes, streamed; runTools() runs them and continues.
export {llmTool} from './lib/tools/llm-tool';
export type {LlmTool, LlmToolCall, LlmToolChoice, LlmToolContext, LlmToolResult} from './lib/tools/llm-tool';
export {resolveLlmTools} from './lib/tools/resolve-llm-tools';
export type {ResolvedLlmTool} from './lib/tools/resolve-llm-tools';
export {toolResultText} from './lib/tools/tool-result-text';
export {runTools} from './lib/tools/run-tools';
export type {LlmToolLoopOptions, LlmToolStep} from './lib/tools/run-tools';
export type {LlmToolErrorPolicy} from './lib/tools/execute-tool-call';
export {sumStepUsage} from './lib/tools/sum-step-usage';
export type {LlmLoopTiming} from './lib/tools/sum-step-usage';

// Models: the `Llm` interface and the one way to wrap one.
export type {Llm} from './lib/llm/llm';
export {isCascade, wrapLlm} from './lib/llm/wrap-llm';
export {preloadLlm} from './lib/llm/preload-llm';
export type {LlmStreamWrapper} from './lib/llm/wrap-llm';
export {createLlmKeyFingerprint} from './lib/key/llm-key-fingerprint';
export type {LlmKeyFingerprint} from './lib/key/llm-key-fingerprint';

// Errors.
export {LlmError} from './lib/errors/llm-error';
export type {LlmErrorOptions} from './lib/errors/llm-error';
export {LlmConfigurationError} from './lib/errors/llm-configuration-error';
export type {LlmConfigurationErrorOptions} from './lib/errors/llm-configuration-error';
export {LlmInvalidRequestError} from './lib/errors/llm-invalid-request-error';
export {LlmImageInputError} from './lib/errors/llm-image-input-error';
export type {LlmImageInputProblem} from './lib/errors/llm-image-input-error';
export {isRetryableStatus, LlmProviderError} from './lib/errors/llm-provider-error';
export type {LlmProviderErrorOptions, LlmProviderFailureKind} from './lib/errors/llm-provider-error';
export {LlmAbortError} from './lib/errors/llm-abort-error';
export {LlmTimeoutError} from './lib/errors/llm-timeout-error';
export type {LlmTimeoutInfo, LlmTimeoutKind} from './lib/errors/llm-timeout-error';
export {LlmAnswerError} from './lib/errors/llm-answer-error';
export {LlmTruncationError} from './lib/errors/llm-truncation-error';
export {LlmObjectError} from './lib/errors/llm-object-error';
export type {LlmObjectErrorKind, LlmObjectIssue} from './lib/errors/llm-object-error';
export {LlmRefusalError} from './lib/errors/llm-refusal-error';
export {LlmToolError} from './lib/errors/llm-tool-error';
export type {LlmToolErrorDetails, LlmToolErrorKind} from './lib/errors/llm-tool-error';
export {LlmCascadeError} from './lib/errors/llm-cascade-error';
export {LlmProxyRefusalError} from './lib/errors/llm-proxy-refusal-error';
export type {LlmProxyRefusalErrorOptions} from './lib/errors/llm-proxy-refusal-error';
export {LLM_PROXY_REFUSAL_TYPE} from './lib/proxy/llm-proxy-refusal';
export type {LlmProxyRefusalBody, LlmProxyRefusalReason} from './lib/proxy/llm-proxy-refusal';

// The provider registry.
export {
  createLlm,
  createLlmRegistry,
  defaultLlmRegistry,
  registeredLlmProviders,
  registerLlmProvider,
} from './lib/registry/llm-registry';
export type {LlmProvider, LlmRegistry} from './lib/registry/llm-registry';

// Pricing.
export {computeLlmCost} from './lib/pricing/compute-llm-cost';
export {LlmPriceTable} from './lib/pricing/llm-price-table';
export type {
  LlmModelPrice,
  LlmPricedModel,
  LlmPriceRates,
  LlmPriceTier,
  LlmTieredRates,
  LlmTimeOfDayPrice,
} from './lib/pricing/llm-model-price';
export {priceLlmUsage} from './lib/pricing/price-llm-usage';
export type {LlmModelMatch} from './lib/pricing/model-match';

// Timeouts, retries, cascades and attempts.
export {chunkTimeouts} from './lib/timeouts/chunk-timeouts';
export {DEFAULT_FIRST_CHUNK_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS} from './lib/timeouts/default-chunk-timeouts';
export type {ChunkTimeoutsConfig} from './lib/timeouts/chunk-timeouts';
export {isRetryableLlmError, retryBeforeFirstChunk} from './lib/retry/retry-before-first-chunk';
export {reportLlmAttempt} from './lib/attempts/report-llm-attempt';
export type {ReportLlmAttemptConfig} from './lib/attempts/report-llm-attempt';
export type {RetryBeforeFirstChunkConfig} from './lib/retry/retry-before-first-chunk';
export {cascade, shouldFailOver} from './lib/cascade/cascade';
export type {CascadeFailOverEvent, CascadeOptions} from './lib/cascade/cascade';

// Operators.
export {collectResponse} from './lib/operators/collect-response';
export type {LlmResponse, LlmResponseObjectOf} from './lib/operators/collect-response';
export {textDeltas} from './lib/operators/text-deltas';
export {accumulatedText} from './lib/operators/accumulated-text';
export {objectSnapshots} from './lib/operators/object-snapshots';

// The adapter kit (src/lib/provider): what a provider entry point, or your own adapter, is built from.
export {defineLlmProvider} from './lib/provider/define-llm-provider';
export type {
  DefinedLlmProvider,
  LlmProviderDefinition,
  LlmProviderErrorContext,
} from './lib/provider/define-llm-provider';
export {PLACEHOLDER_API_KEY} from './lib/provider/llm-provider-options';
export type {LlmProviderOptions} from './lib/provider/llm-provider-options';
export {
  createWarnOnce,
  definedFields,
  mergeHeaders,
  providerOptionsOf,
  resolveProviderCall,
} from './lib/provider/llm-provider-call';
export type {LlmProviderCall} from './lib/provider/llm-provider-call';
export {fromProviderStream} from './lib/provider/from-provider-stream';
export type {ProviderStreamConfig} from './lib/provider/from-provider-stream';
export type {
  ProviderFinishEvent,
  ProviderResponseMetadataEvent,
  ProviderStreamEvent,
} from './lib/provider/provider-stream-event';
export type {ProviderEventMapper, ProviderEventSource} from './lib/provider/provider-event-mapper';
export {finishReasonOf} from './lib/provider/finish-reason-of';
export {httpStatusAdvice, providerHttpError, providerStreamError} from './lib/provider/provider-http-errors';
export type {ProviderHttpErrorInit, ProviderStreamErrorInit} from './lib/provider/provider-http-errors';
export {mapProviderError, unreachableProviderError} from './lib/provider/provider-failure-errors';
export {parseRetryAfterMs} from './lib/provider/parse-retry-after';
export {_createSecretRedactor, redactResponseBody, redactSecrets} from './lib/provider/redact-secrets';
/** @internal JSON's one-character escapes, for llm-rx/proxy's reading of SSE events. */
export {JSON_ESCAPES as _JSON_ESCAPES} from './lib/object/json-escapes';
export type {_SecretRedactor} from './lib/provider/redact-secrets';
export {redactLlmError} from './lib/provider/redact-llm-error';

// The call log's rows and query results (llm-rx/logging exports them too): plain types, free of Dexie, so that
// llm-rx/angular's types can name them without needing Dexie's.
export type {
  LlmBodyRecord,
  LlmCallRecord,
  LlmCallStatus,
  LlmImageBody,
  LlmMessageBody,
  LlmRequestBody,
  LlmResponseBody,
  LlmUserMessageBody,
  LlmToolCallBody,
} from './lib/call-log/llm-call-record';
export type {LlmCallDetails, LlmCallFilter, LlmCallPage, LlmLoopStep} from './lib/call-log/llm-call-query';
export type {
  LlmCallReplaySource,
  LlmReplayCall,
  LlmReplayCursor,
  LlmReplayPage,
  LlmReplayQuery,
} from './lib/call-log/llm-call-replay';
export type {LlmRedactionKind, LlmRedactor} from './lib/redaction/llm-redactor';
export type {
  LlmCallGrouping,
  LlmCallStats,
  LlmCallStatsGroup,
  LlmLatencyPercentiles,
} from './lib/call-log/llm-call-stats';
