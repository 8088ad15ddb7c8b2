/**
 * The mock provider server's own client, for this repository's specs, e2e suites and benchmarks (reached as
 * `@llm-rx/mock-providers`; test harness, not public API): builds the `x-mock-scenario` header and reads the
 * server's request log. Browser-safe: uses `fetch` only.
 */

/** Where the mock provider server listens by default (`npm run mock-providers`). */
export const MOCK_PROVIDERS_URL = mockProvidersUrl();

/**
 * The mock server's URL: `http://127.0.0.1:4010`, or in Node the `LLM_RX_MOCK_PROVIDERS_URL` environment variable,
 * so that two checkouts can run their Node specs side by side, each against its own server.
 */
function mockProvidersUrl(): string {
  const environment = (globalThis as {process?: {env?: Record<string, string | undefined>}}).process?.env;
  return environment?.['LLM_RX_MOCK_PROVIDERS_URL'] ?? 'http://127.0.0.1:4010';
}

/** The request header that selects a mock scenario. */
export const MOCK_SCENARIO_HEADER = 'x-mock-scenario';

/**
 * The scenario the mock server plays for one request; every key is optional. The server parses its
 * `x-mock-scenario` header into this type (unknown keys, non-integer numbers and unknown finish reasons fail the
 * request with HTTP 400).
 */
export interface MockScenario {
  /** Any string, recorded in the request log so a test finds its own requests. */
  tag?: string;
  /** The answer text; default a fixed English sentence. */
  text?: string;
  /** Number of text chunks; without `text`, the answer is `w1 w2 … wN`. */
  chunks?: number;
  /** Number of reasoning chunks before the text, in the provider's reasoning shape where it has one. */
  reasoning?: number;
  /** Milliseconds before the response headers. */
  headerDelay?: number;
  /** Milliseconds before each content chunk and before the closing events. */
  chunkDelay?: number;
  /** HTTP error status sent instead of the stream, in the provider's own error body. */
  status?: number;
  /** Seconds sent as `retry-after` with `status`. */
  retryAfter?: number;
  /** A mid-stream error in the provider's shape after N content chunks (reasoning + text). */
  errorAfter?: number;
  /** Destroy the socket after N content chunks. */
  dropAfter?: number;
  /** Send nothing more after N content chunks, until the client goes (or 60 s). */
  stallAfter?: number;
  /** A malformed event after N content chunks. */
  malformedAfter?: number;
  /** Whether to omit the closing events: no usage, finish reason or terminal event. */
  noFinal?: boolean;
  /**
   * The finish reason; default `stop`. `refusal` is the provider's own refusal where it has one (OpenAI's
   * `refusal` text, Anthropic's `refusal` stop reason), else its content filter.
   */
  finish?: 'stop' | 'length' | 'content-filter' | 'refusal';
  /** Prompt tokens, cached included; default 42. */
  inputTokens?: number;
  /** Output tokens, reasoning included; default the number of content chunks. */
  outputTokens?: number;
  /** Cached prompt tokens; default 0. */
  cachedTokens?: number;
  /** Cache-write prompt tokens; default 0. */
  cacheWriteTokens?: number;
  /** Reasoning tokens; default the number of reasoning chunks. */
  reasoningTokens?: number;
  /**
   * Plays the scenario's fault (`status`, `errorAfter`, `dropAfter`, `stallAfter`, `malformedAfter`, `noFinal`)
   * only for the first N requests with this scenario's `tag`; later ones are answered normally, so a retry can
   * succeed. Without it, every request plays the fault.
   */
  failTimes?: number;
  /**
   * Whether error messages (the HTTP error body and the mid-stream error) quote the credential the request
   * carried (`authorization`, `x-api-key`, `x-goog-api-key` or `?key=`), as a faulty upstream or proxy might.
   */
  echoKey?: boolean;
  /**
   * For a request with tools: how many tool calls (parallel) each tool-calling answer makes; default 1. `0` makes
   * the model answer with text even with tools.
   */
  toolCalls?: number;
  /**
   * For a request with tools: how many rounds of tool calls the model makes before it answers with text, counted
   * from the assistant turns with tool calls already in the request's messages; default 1. A large number plays a
   * model that loops forever.
   */
  toolRounds?: number;
  /** Pieces each call's argument text is split into, anywhere (mid-key, mid-escape); default about 10 characters each. */
  toolChunks?: number;
  /** The tool the calls name; default the forced tool (`toolChoice: {tool}`), else the request's tools in turn. */
  toolName?: string;
  /** The argument text of every call, as is (e.g. invalid JSON); default a JSON value matching the tool's schema. */
  toolArgs?: string;
  /**
   * For a request with tools: the text of the answer once the tool rounds are over (default `text`), so that the
   * final answer can differ from what a tool-calling answer says before its calls.
   */
  finalText?: string;
}

/** A fault the mock server played for a request, as its log records it. */
export type MockFault = 'status' | 'errorAfter' | 'dropAfter' | 'stallAfter' | 'malformedAfter' | 'noFinal';

/** One request as the mock server recorded it. */
export interface MockRequestRecord {
  /** Also sent as the `x-request-id` and `request-id` response headers. */
  id: string;
  tag: string | null;
  /** The wire that served it (`openai-chat`, `anthropic`, …), or `null` for an unknown route. */
  wire: string | null;
  method: string;
  /** Path and query string, with a `key=` query parameter masked. */
  path: string;
  /** Request headers; `authorization`, `x-api-key` and `x-goog-api-key` are recorded as `***`. */
  headers: Record<string, string>;
  /** The parsed JSON request body, the raw text when it is not JSON, or `null` when empty. */
  body: unknown;
  scenario: MockScenario;
  /** The fault played for this request (see `failTimes`), or `null` when it was answered normally. */
  fault: MockFault | null;
  /** The HTTP status sent, or `null` before the head is written. */
  status: number | null;
  /** ISO time the request arrived. */
  receivedAt: string;
  /** Whether the client closed the connection before the server wrote its last event. */
  closedEarly: boolean;
  /** Whether the server wrote the whole response and ended it. */
  completed: boolean;
}

/** Options of {@link waitForMockRequest}. */
export interface WaitForMockRequestOptions {
  /** How long to poll before failing; default 2000 ms. */
  timeoutMs?: number;
  /** The pause between polls; default 25 ms. */
  intervalMs?: number;
  /** The server's base URL; default {@link MOCK_PROVIDERS_URL}. */
  baseUrl?: string;
}

/**
 * Builds the `x-mock-scenario` header value.
 *
 * @param options The scenario.
 * @returns `key=value;key=value` with URI-encoded values, in the order given; `undefined` keys are left out.
 *
 * @example
 * ```ts
 * const headers = {[MOCK_SCENARIO_HEADER]: mockScenario({tag: 'rate-limit', status: 429, retryAfter: 2})};
 * ```
 */
export function mockScenario(options: MockScenario): string {
  return Object.entries(options)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value === true ? '1' : value === false ? '0' : String(value))}`)
    .join(';');
}

/**
 * Reads the requests the mock server recorded with a tag.
 *
 * @param tag The scenario tag.
 * @param baseUrl The server's base URL; default {@link MOCK_PROVIDERS_URL}.
 * @returns The records, oldest first.
 */
export async function fetchMockRequests(
  tag: string,
  baseUrl: string = MOCK_PROVIDERS_URL,
): Promise<MockRequestRecord[]> {
  const response = await fetch(`${baseUrl}/__mock/requests?tag=${encodeURIComponent(tag)}`);
  if (!response.ok) throw new Error(`llm-rx: the mock provider server answered ${response.status} at ${baseUrl}.`);
  return (await response.json()) as MockRequestRecord[];
}

/**
 * Polls the request log until a record with the tag matches, because some fields (`closedEarly`, `completed`)
 * land a moment after the client sees the end of its stream.
 *
 * @param tag The scenario tag.
 * @param predicate Which record to wait for; default any.
 * @param options Timeout, poll interval and base URL.
 * @returns The first matching record.
 * @throws Error when no record matches within the timeout; the message lists what was recorded.
 */
export async function waitForMockRequest(
  tag: string,
  predicate: (record: MockRequestRecord) => boolean = () => true,
  options: WaitForMockRequestOptions = {},
): Promise<MockRequestRecord> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const records = await fetchMockRequests(tag, options.baseUrl);
    const match = records.find(predicate);
    if (match) return match;
    if (Date.now() >= deadline) {
      throw new Error(
        `llm-rx: no mock request tagged "${tag}" matched within ${timeoutMs} ms; recorded: ${JSON.stringify(
          records.map(({id, status, closedEarly, completed}) => ({id, status, closedEarly, completed})),
        )}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, options.intervalMs ?? 25));
  }
}

/**
 * Empties the mock server's request log.
 *
 * @param baseUrl The server's base URL; default {@link MOCK_PROVIDERS_URL}.
 * @returns How many records were removed.
 */
export async function clearMockRequests(baseUrl: string = MOCK_PROVIDERS_URL): Promise<number> {
  const response = await fetch(`${baseUrl}/__mock/requests`, {method: 'DELETE'});
  if (!response.ok) throw new Error(`llm-rx: the mock provider server answered ${response.status} at ${baseUrl}.`);
  return ((await response.json()) as {cleared: number}).cleared;
}
