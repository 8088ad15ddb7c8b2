/*
 * `@llm-rx/spec-support`: what the specs, suites and harnesses of this repository share (a path of the root
 * tsconfig.json). Never built or published: no ng-package.json, and no library file imports it. Everything here
 * runs in Node and in the browser; Node-only support is `@llm-rx/spec-support/node`.
 */
export {describeMockServerMatrix} from './src/provider-spec-matrix';
export type {MockServerTarget} from './src/provider-spec-matrix';
export {AWKWARD_CONTACT_JSON, CONTACT_SCHEMA, describeStructuredOutputMatrix} from './src/structured-output-matrix';
export type {StructuredOutputTarget} from './src/structured-output-matrix';
export {
  AWKWARD_WEATHER_ARGUMENTS,
  CLOCK_TOOL,
  describeToolCallMatrix,
  WEATHER_TOOL,
  weatherAndClockTurn,
} from './src/tool-call-matrix';
export type {ToolCallTarget, WeatherAndClockTurn} from './src/tool-call-matrix';
export {runStream} from './src/run-stream';
export type {StreamOutcome} from './src/run-stream';
export {scenarioRequest, uniqueTag} from './src/scenario-request';
export {EventChannel} from './src/event-channel';
export {events, finish, fromList, MODEL, passThrough, PROVIDER, TOKENS} from './src/provider-stream-events';
export {
  mapToProviderError,
  ProviderStreamFixture,
  providerStreamOf,
  useProviderStreamSpec,
} from './src/provider-stream-fixture';
export type {ProviderStreamSpec, StreamOf} from './src/provider-stream-fixture';
export {settle, until} from './src/real-time-waits';
export {Recorder} from './src/stream-recorder';
export {callRow} from './src/call-row';
export {deleteDatabase, uniqueDatabaseName} from './src/spec-database';
export {mulberry32} from './src/seeded-random';
export type {Random} from './src/seeded-random';
export {recordingProvider} from './src/recording-provider';
export {otlpTelemetry} from './src/otlp-telemetry';
export type {OtlpTelemetry} from './src/otlp-telemetry';
export {InMemoryReplaySource} from './src/in-memory-replay-source';
export {callEnd, tool} from './src/tool-parts';
