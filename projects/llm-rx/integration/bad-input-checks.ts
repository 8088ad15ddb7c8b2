/*
 * How the bad-input suite (bad-input.spec.ts) runs one case and says what went wrong: a stream raced against a
 * short guard, the request log of the mock provider server, unhandled rejections, and plain-words descriptions of
 * every outcome, so that a failing spec tells what happened instead. Spec support only: not a spec.
 */
import {
  LlmCascadeError,
  type LlmChunk,
  LlmConfigurationError,
  LlmInvalidRequestError,
  LlmProviderError,
  LlmTimeoutError,
  type LlmRequest,
} from 'llm-rx';
import {
  fetchMockRequests,
  MOCK_PROVIDERS_URL,
  MOCK_SCENARIO_HEADER,
  mockScenario,
  type MockRequestRecord,
} from '@llm-rx/mock-providers';
import type {Observable, Subscription} from 'rxjs';

/** How long one case may take: a hang fails in 3 s instead of at Jasmine's 20 s. */
export const CASE_TIMEOUT_MS = 3000;
/**
 * The pause before reading the log, so that a request in flight would have been recorded. Short, as hundreds of
 * cases wait it; a request that a bad case sends later still fails the suite, in `lateBadCaseRequests()`.
 */
export const SETTLE_MS = 20;
/** The pause before the suite's last look at the whole log. */
export const FINAL_SETTLE_MS = 500;
/** What a message must say besides the field's name: what to give instead. */
export const WHAT_TO_DO = /must|give|use|needs|expected|should/i;

/** Starts every tag of this run, e.g. to find in the whole log a request that lost its scenario header. */
export const RUN_TAG_PREFIX = `bad-input-${Date.now().toString(36)}-`;
let sequence = 0;

/**
 * A scenario tag no other spec uses.
 * @param label What the case is, for reading the log.
 * @returns The tag.
 */
export function caseTag(label: string): string {
  return `${RUN_TAG_PREFIX}${sequence++}-${label}`;
}

/**
 * The headers that carry a tag to the mock server.
 * @param tag The case's tag.
 * @returns `{x-mock-scenario: tag=…}`.
 */
export function tagHeaders(tag: string): Record<string, string> {
  return {[MOCK_SCENARIO_HEADER]: mockScenario({tag, chunks: 2})};
}

/**
 * A valid request whose prompt names the tag (so a request that lost its headers can still be found) and whose
 * headers carry it unless `withHeaders` is false.
 * @param tag The case's tag.
 * @param withHeaders Whether the request's headers carry the tag.
 * @returns The request.
 */
export function taggedRequest(tag: string, withHeaders: boolean): LlmRequest {
  return {userPrompt: `Say hello. (${tag})`, ...(withHeaders && {headers: tagHeaders(tag)})};
}

/** How a guarded stream ended. */
export type GuardedOutcome =
  | {readonly kind: 'threw'; readonly error: unknown}
  | {readonly kind: 'errored'; readonly error: unknown; readonly chunks: readonly LlmChunk[]}
  | {readonly kind: 'completed'; readonly chunks: readonly LlmChunk[]}
  | {readonly kind: 'hung'; readonly chunks: readonly LlmChunk[]};

/**
 * Calls `start()` and subscribes to what it returns, until the stream ends or `CASE_TIMEOUT_MS` pass (then it
 * unsubscribes, which aborts any request).
 * @param start Returns the stream, e.g. `() => llm.stream(request)`; it may throw.
 * @returns How it ended.
 */
export function runGuarded(start: () => Observable<LlmChunk>): Promise<GuardedOutcome> {
  let stream: Observable<LlmChunk>;
  try {
    stream = start();
  } catch (error) {
    return Promise.resolve({kind: 'threw', error});
  }
  return new Promise(resolve => {
    const chunks: LlmChunk[] = [];
    let subscription: Subscription | undefined;
    let isDone = false;
    const finish = (outcome: GuardedOutcome) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      subscription?.unsubscribe();
      finish({kind: 'hung', chunks});
    }, CASE_TIMEOUT_MS);
    try {
      subscription = stream.subscribe({
        next: chunk => chunks.push(chunk),
        error: (error: unknown) => finish({kind: 'errored', error, chunks}),
        complete: () => finish({kind: 'completed', chunks}),
      });
    } catch (error) {
      // Not an rxjs Observable at all (rxjs reports errors thrown while subscribing through `error`).
      finish({kind: 'threw', error});
    }
    if (isDone) subscription?.unsubscribe();
  });
}

/**
 * An error in words: its class, the fields a caller branches on, and its message.
 * @param error What was thrown or emitted.
 * @returns e.g. `LlmProviderError (isRetryable true, statusCode none): "llm-rx: …"`.
 */
export function describeError(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('message' in error)) {
    return `a thrown ${typeof error} ${JSON.stringify(error) ?? String(error)}`;
  }
  const {name, message} = error as Error;
  const details: string[] = [];
  const field = (error as {field?: unknown}).field;
  if (field !== undefined) details.push(`field ${JSON.stringify(field)}`);
  if (LlmProviderError.isInstance(error)) {
    details.push(`isRetryable ${error.isRetryable}`, `statusCode ${error.statusCode ?? 'none'}`);
  }
  if (LlmTimeoutError.isInstance(error)) details.push(`${error.info.kind} after ${error.info.timeoutMs} ms`);
  if (LlmCascadeError.isInstance(error)) {
    details.push(`attempts: ${error.attempts.map(attempt => attempt.provider).join(', ')}`);
  }
  return `${name || 'an error'}${details.length ? ` (${details.join(', ')})` : ''}: ${JSON.stringify(message)}`;
}

function describeChunks(chunks: readonly LlmChunk[]): string {
  if (chunks.length === 0) return 'no chunk';
  return `${chunks.length} chunk(s): ${chunks.map(chunk => chunk.type).join(', ')}`;
}

/**
 * A stream's ending in words.
 * @param outcome How it ended.
 * @returns e.g. `no error: the stream completed after 3 chunk(s): text-delta, text-delta, usage`.
 */
export function describeOutcome(outcome: GuardedOutcome): string {
  switch (outcome.kind) {
    case 'threw':
      return `stream() threw synchronously ${describeError(outcome.error)}`;
    case 'errored':
      return `the stream errored with ${describeError(outcome.error)} after ${describeChunks(outcome.chunks)}`;
    case 'completed':
      return `no error: the stream completed after ${describeChunks(outcome.chunks)}`;
    case 'hung':
      return `the stream neither errored nor completed within ${CASE_TIMEOUT_MS} ms (${describeChunks(outcome.chunks)}): it hangs`;
  }
}

/**
 * Waits `SETTLE_MS`, then reads the requests the mock server recorded for the tags.
 * @param tags The case's tags.
 * @returns The records, for all tags.
 */
export async function settledRequests(tags: readonly string[]): Promise<MockRequestRecord[]> {
  await new Promise(resolve => setTimeout(resolve, SETTLE_MS));
  return (await Promise.all(tags.map(tag => fetchMockRequests(tag)))).flat();
}

/**
 * The requests of this run that reached the mock server without their tag (its scenario header lost on the way),
 * found by the tag that every request's prompt also carries, in the whole log.
 * @returns Those records.
 */
export async function untaggedRunRequests(): Promise<MockRequestRecord[]> {
  const response = await fetch(`${MOCK_PROVIDERS_URL}/__mock/requests`);
  const records = (await response.json()) as MockRequestRecord[];
  return records.filter(
    record => !record.tag?.startsWith(RUN_TAG_PREFIX) && JSON.stringify(record).includes(RUN_TAG_PREFIX),
  );
}

/**
 * The requests of this run's bad cases (every tag but the valid cases') that reached the mock server, read after
 * `FINAL_SETTLE_MS`: a request sent after its case's own short wait is caught here.
 * @returns Those records.
 */
export async function lateBadCaseRequests(): Promise<MockRequestRecord[]> {
  await new Promise(resolve => setTimeout(resolve, FINAL_SETTLE_MS));
  const response = await fetch(`${MOCK_PROVIDERS_URL}/__mock/requests`);
  const records = (await response.json()) as MockRequestRecord[];
  return records.filter(record => record.tag?.startsWith(RUN_TAG_PREFIX) && !/-valid(-|$)/.test(record.tag));
}

/**
 * Recorded requests in words.
 * @param records The records.
 * @returns e.g. `1 request(s) reached the mock server: POST /v1/responses (openai-responses, HTTP 200)`.
 */
export function describeRequests(records: readonly MockRequestRecord[]): string {
  return (
    `${records.length} request(s) reached the mock server: ` +
    records.map(record => `${record.method} ${record.path} (${record.wire}, HTTP ${record.status})`).join('; ')
  );
}

/**
 * Collects the unhandled promise rejections of the page or process until the returned function is called.
 * @returns Stops collecting and returns what was collected.
 */
export function watchUnhandledRejections(): () => unknown[] {
  const reasons: unknown[] = [];
  const scope = globalThis as {
    addEventListener?: (type: string, listener: (event: {reason: unknown}) => void) => void;
    removeEventListener?: (type: string, listener: (event: {reason: unknown}) => void) => void;
    process?: {
      on(event: string, listener: (reason: unknown) => void): void;
      off(event: string, listener: (reason: unknown) => void): void;
    };
  };
  if (typeof scope.addEventListener === 'function' && typeof scope.removeEventListener === 'function') {
    const listener = (event: {reason: unknown}) => reasons.push(event.reason);
    scope.addEventListener('unhandledrejection', listener);
    return () => {
      scope.removeEventListener?.('unhandledrejection', listener);
      return reasons;
    };
  }
  const nodeProcess = scope.process;
  if (nodeProcess) {
    const listener = (reason: unknown) => reasons.push(reason);
    nodeProcess.on('unhandledRejection', listener);
    return () => {
      nodeProcess.off('unhandledRejection', listener);
      return reasons;
    };
  }
  return () => reasons;
}

/**
 * What is wrong with an error that should name `fields`.
 * @param error The error.
 * @param fields The acceptable values of `error.field`; the message must name each of them.
 * @param requiresWhatToDo Whether the message must also say what to give instead (`WHAT_TO_DO`).
 * @returns The problems, empty when the error is right.
 */
export function fieldProblems(error: unknown, fields: readonly string[], requiresWhatToDo: boolean): string[] {
  const problems: string[] = [];
  const field = (error as {field?: unknown}).field;
  const expected = fields.map(name => JSON.stringify(name)).join(' or ');
  if (!fields.includes(field as string)) problems.push(`error.field is ${JSON.stringify(field)}, not ${expected}`);
  const message = String((error as {message?: unknown}).message);
  for (const name of fields) {
    if (!message.includes(name)) problems.push(`the message does not name ${JSON.stringify(name)}`);
  }
  if (requiresWhatToDo && !WHAT_TO_DO.test(message)) {
    problems.push(`the message does not say what to give instead (${WHAT_TO_DO})`);
  }
  return problems;
}

/**
 * Fails the spec with one message: what was expected, what happened, and each problem on its own line.
 * @param expectation What the case expects, e.g. `an LlmInvalidRequestError for "temperature"`.
 * @param happened What happened instead.
 * @param problems What is wrong; the spec passes when empty.
 */
export function reportProblems(expectation: string, happened: string, problems: readonly string[]): void {
  if (problems.length === 0) {
    expect(problems).toEqual([]);
    return;
  }
  fail(`Expected ${expectation}.\nInstead ${happened}.\n- ${problems.join('\n- ')}`);
}

/** Whether an error is an `LlmInvalidRequestError`, from any copy of llm-rx. */
export const isInvalidRequest = (error: unknown) => LlmInvalidRequestError.isInstance(error);
/** Whether an error is an `LlmConfigurationError` (invalid requests included), from any copy of llm-rx. */
export const isConfigurationError = (error: unknown) => LlmConfigurationError.isInstance(error);
