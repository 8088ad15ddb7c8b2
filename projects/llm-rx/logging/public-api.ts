/*
 * Public API of llm-rx/logging: every LLM call recorded in IndexedDB (through Dexie), with live dashboard queries.
 */
export {createLlmCallLog} from './src/create-llm-call-log';
export {LLM_CALL_CSV_COLUMNS} from './src/llm-call-csv-columns';
// An interface: a log is made by createLlmCallLog(), as models are by createLlm() and cascades by cascade().
export type {LlmCallImport, LlmCallLog, LlmCallLogOptions} from './src/llm-call-log';
export {loggedLlm, logLlmCalls} from './src/log-llm-calls';
export type {LlmLogOptions, LlmLogStreamOptions} from './src/log-llm-calls';
export {LlmLogDatabase, DEFAULT_LLM_LOG_DATABASE_NAME} from './src/llm-log-database';
export type {LlmReplayCursorRecord} from './src/llm-log-database';
export type {LlmRedactionKind, LlmRedactor} from './src/build-body-record';
// The rows and query results live in the core, free of Dexie, so that llm-rx/angular can name them.
export type {
  LlmBodyRecord,
  LlmCallDetails,
  LlmCallFilter,
  LlmCallGrouping,
  LlmCallPage,
  LlmCallRecord,
  LlmCallReplaySource,
  LlmCallStats,
  LlmCallStatsGroup,
  LlmCallStatus,
  LlmLatencyPercentiles,
  LlmLoopStep,
  LlmReplayCall,
  LlmReplayCursor,
  LlmReplayPage,
  LlmReplayQuery,
  LlmImageBody,
  LlmMessageBody,
  LlmRequestBody,
  LlmResponseBody,
  LlmUserMessageBody,
  LlmToolCallBody,
} from 'llm-rx';
export type {LlmLogRetention} from './src/log-maintenance';
export {LlmLogError} from './src/llm-log-error';
export type {LlmLogErrorKind} from './src/llm-log-error';
