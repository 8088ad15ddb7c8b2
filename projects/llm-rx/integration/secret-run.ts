/*
 * Spec support for the secrets suites: runs one case of secret-cases.ts, scans what it produced and lists what
 * went otherwise than the case says. It defines no specs, uses no jasmine and no Node module. Not an entry point:
 * import it by relative path.
 */
import {isContentChunk, LlmConfigurationError, PLACEHOLDER_API_KEY, type Llm, type LlmChunk} from 'llm-rx';
import {fetchMockRequests, type MockRequestRecord} from '@llm-rx/mock-providers';
import {Subscription} from 'rxjs';
import {isFaultEnding, type SecretCase, type SecretOutcome} from './secret-cases';
import type {SecretScan} from './secret-scan';

/** Everything a case produced. */
export interface SecretRun {
  /** What `create` threw, if it threw. */
  readonly creationError?: unknown;
  readonly chunks: readonly LlmChunk[];
  /** The stream's error, if it failed. */
  readonly error?: unknown;
  /** How it ended; `not-created` when `create` threw, `timeout` when it never ended. */
  readonly ended: SecretOutcome | 'not-created' | 'timeout';
  /** How many requests the proxy stand-in gave the key (proxy mode only). */
  readonly keysAddedByProxy: number;
}

/**
 * Creates the case's model and subscribes once, ending as the case says; never throws.
 * @param testCase The case.
 * @param wrap Wraps the model before the call, e.g. with `loggedLlm()`.
 * @returns What happened.
 */
export async function runSecretCase(testCase: SecretCase, wrap: (llm: Llm) => Llm = llm => llm): Promise<SecretRun> {
  let llm: Llm;
  try {
    llm = wrap(testCase.create());
  } catch (creationError) {
    return {creationError, chunks: [], ended: 'not-created', keysAddedByProxy: 0};
  }
  const proxy = testCase.keyAddedByProxy && installKeyAddingFetch(testCase.keyAddedByProxy.value);
  try {
    const outcome = await subscribeOnce(llm, testCase.ending.cancelsAfterFirstChunk === true);
    return {...outcome, keysAddedByProxy: proxy?.count() ?? 0};
  } finally {
    proxy?.uninstall();
  }
}

function subscribeOnce(llm: Llm, cancelsAfterFirstChunk: boolean): Promise<Omit<SecretRun, 'keysAddedByProxy'>> {
  return new Promise(resolve => {
    const chunks: LlmChunk[] = [];
    // A container: unsubscribed during subscribe() (a chunk delivered at once), it tears the stream down on add().
    const subscription = new Subscription();
    let isDone = false;
    const end = (outcome: Omit<SecretRun, 'keysAddedByProxy' | 'chunks'>) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(timer);
      resolve({...outcome, chunks});
    };
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      end({ended: 'timeout'});
    }, 15_000);
    subscription.add(
      llm.stream({userPrompt: 'Say hello.'}).subscribe({
        next: chunk => {
          chunks.push(chunk);
          if (!cancelsAfterFirstChunk || !isContentChunk(chunk) || subscription.closed) return;
          subscription.unsubscribe();
          // Some time for what an aborted SDK call may still log or throw.
          setTimeout(() => end({ended: 'cancelled'}), 150);
        },
        error: (error: unknown) => end({error, ended: 'error'}),
        complete: () => end({ended: 'complete'}),
      }),
    );
  });
}

/**
 * Makes `fetch` stand in for a proxy that adds the key on the server: a request carrying llm-rx's placeholder key
 * (in `authorization`, `x-api-key` or `x-goog-api-key`) leaves with the given key instead. The SDK clients are built
 * at their first subscription, inside the case, so they pick up this `fetch`.
 * @param key The key the proxy adds.
 * @returns How many requests got the key, and how to put `fetch` back.
 */
export function installKeyAddingFetch(key: string): {count: () => number; uninstall: () => void} {
  const original = globalThis.fetch;
  let count = 0;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    let isChanged = false;
    for (const name of ['authorization', 'x-api-key', 'x-goog-api-key']) {
      const value = headers.get(name);
      if (value?.includes(PLACEHOLDER_API_KEY)) {
        headers.set(name, value.replace(PLACEHOLDER_API_KEY, key));
        isChanged = true;
      }
    }
    if (!isChanged) return original(input, init);
    count++;
    return original(input, {...init, headers});
  };
  return {count: () => count, uninstall: () => (globalThis.fetch = original)};
}

/**
 * The name of what a value is, for failure messages that must not quote an error's message.
 * @param value Anything.
 * @returns E.g. `LlmProviderError`, `TypeError`, `undefined`.
 */
export function kindOf(value: unknown): string {
  if (value instanceof Error) return value.name;
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}

/**
 * Scans what a case produced: the creation error and the stream's error (graph, `String`, `JSON.stringify`), and
 * every chunk, the usage part's `attempts` with their errors included.
 * @param scan The scan to add findings to.
 * @param run What the case produced.
 * @param inspect Also scans each error and the usage part as this prints them (Node: `util.inspect`).
 */
export function scanSecretRun(scan: SecretScan, run: SecretRun, inspect?: (value: unknown) => string): void {
  const scanError = (where: string, error: unknown) => {
    scan.error(where, error);
    if (inspect) scan.text(`util.inspect(${where})`, inspect(error));
  };
  if (run.creationError !== undefined) scanError('creation error', run.creationError);
  if (run.error !== undefined) scanError('error', run.error);
  run.chunks.forEach((chunk, index) => {
    scan.value(`chunk[${index}] (${chunk.type})`, chunk);
    if (inspect && chunk.type === 'usage') scan.text(`util.inspect(chunk[${index}] (usage))`, inspect(chunk));
  });
}

/**
 * What went otherwise than the case says, without quoting any message (it may hold the key): the wrong ending, a
 * key that was not refused, a fault the mock did not play, a proxy stand-in that added no key.
 * @param testCase The case.
 * @param run What it produced.
 * @param records The mock server's records of the case's tags, in the order of `testCase.tags`.
 * @returns One sentence per problem; empty when the case went as it says.
 */
export function caseProblems(
  testCase: SecretCase,
  run: SecretRun,
  records: readonly (readonly MockRequestRecord[])[],
): string[] {
  const ending = (outcome: SecretRun) =>
    `"${outcome.ended}"${outcome.error === undefined ? '' : ` (${kindOf(outcome.error)})`}`;
  if (testCase.mustRefuseAtCreation !== undefined) {
    if (run.ended !== 'not-created') {
      return [`${testCase.mustRefuseAtCreation}: it created the model, and the call ended as ${ending(run)}`];
    }
    return LlmConfigurationError.isInstance(run.creationError)
      ? []
      : [`${testCase.mustRefuseAtCreation}: it threw a ${kindOf(run.creationError)}, not an LlmConfigurationError`];
  }
  if (run.ended === 'not-created') return [`creating the model threw a ${kindOf(run.creationError)}`];
  const problems: string[] = [];
  if (run.ended !== testCase.outcome) {
    problems.push(`the call should end as "${testCase.outcome}"; it ended as ${ending(run)}`);
  }
  records.forEach((recorded, index) => {
    if (recorded.length === 0) problems.push(`the mock server got no request tagged ${testCase.tags[index]}`);
  });
  if (isFaultEnding(testCase.ending) && !records.flat().some(record => record.fault !== null)) {
    problems.push('the mock server played no fault, so the case tested no error');
  }
  if (testCase.keyAddedByProxy && run.keysAddedByProxy === 0) {
    problems.push('the proxy stand-in added the key to no request, so the upstream never saw it');
  }
  return problems;
}

/**
 * The mock server's records of a case's requests, one list per tag.
 * @param testCase The case.
 * @returns The records, in the order of `testCase.tags`.
 */
export function fetchCaseRecords(testCase: SecretCase): Promise<MockRequestRecord[][]> {
  return Promise.all(testCase.tags.map(tag => fetchMockRequests(tag)));
}
