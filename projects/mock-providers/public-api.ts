/*
 * `@llm-rx/mock-providers`: the client of the mock provider server, for this repository's specs, e2e suites and
 * benchmarks. Test harness, not public API: never built or published (the library's `llm-rx/testing` has no part
 * of it). Browser-safe, so Karma specs and the chaos harness page use it too; the server itself is Node-only and
 * stays out of this list (start it with `npm run mock-providers`).
 */
export {
  clearMockRequests,
  fetchMockRequests,
  MOCK_PROVIDERS_URL,
  MOCK_SCENARIO_HEADER,
  mockScenario,
  waitForMockRequest,
} from './src/client/mock-provider-client';
export type {
  MockFault,
  MockRequestRecord,
  MockScenario,
  WaitForMockRequestOptions,
} from './src/client/mock-provider-client';
export {clearReceived, receivedMetrics, receivedSpans} from './src/client/otlp-client';
export type {
  OtlpEncoding,
  ReceivedAttributes,
  ReceivedAttributeValue,
  ReceivedMetric,
  ReceivedMetricKind,
  ReceivedOptions,
  ReceivedPoint,
  ReceivedScope,
  ReceivedSpan,
  ReceivedSpanKind,
} from './src/client/otlp-client';
export {buildSpanTree, formatSpanTree} from './src/client/span-tree';
export type {SpanTreeNode} from './src/client/span-tree';
