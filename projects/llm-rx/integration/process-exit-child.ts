/*
 * The child process of the process-exit suite: makes one call that ends one way, prints a marker line when it has
 * ended, then returns without calling process.exit(), so that Node exits only once nothing keeps it alive (no
 * timer, socket or pending request left by llm-rx or the SDK). The suite measures from the marker to the exit.
 *
 * Usage: node --import tsx projects/llm-rx/integration/process-exit-child.ts <target> <ending> <tag> <closed-port>
 */
import {LlmProviderError, LlmTimeoutError, type LlmChunk, type LlmProviderOptions} from 'llm-rx';
import {
  MOCK_PROVIDERS_URL,
  MOCK_SCENARIO_HEADER,
  mockScenario,
  type MockScenario,
  waitForMockRequest,
} from '@llm-rx/mock-providers';
import type {Observer, Subscription} from 'rxjs';
import {
  CALL_ENDED_MARKER,
  EXIT_ENDINGS,
  EXIT_TARGETS,
  type ExitEnding,
  type ExitReport,
  HELD_HEADERS_MS,
  LATE_EMISSION_MARKER,
  SHORT_FIRST_CHUNK_TIMEOUT_MS,
} from './process-exit-cases';

const [targetName, endingName, tag, closedPort] = process.argv.slice(2);
const target = EXIT_TARGETS[targetName];
if (!target || !(EXIT_ENDINGS as readonly string[]).includes(endingName) || !tag || !closedPort) {
  throw new Error(`process-exit-child: bad arguments ${JSON.stringify(process.argv.slice(2))}`);
}
const ending = endingName as ExitEnding;

/** The scenario of each ending; the cannot-connect one never reaches a server. */
const SCENARIOS: Record<ExitEnding, MockScenario> = {
  completes: {tag, chunks: 3},
  'cancelled-at-once': {tag, headerDelay: HELD_HEADERS_MS},
  'cancelled-in-flight': {tag, headerDelay: HELD_HEADERS_MS},
  'first-chunk-timeout': {tag, headerDelay: HELD_HEADERS_MS},
  'stall-timeout': {tag, stallAfter: 0},
  'cannot-connect': {tag},
};

// The other endings keep the default timeouts, so that llm-rx's own timers are checked too.
const options: LlmProviderOptions =
  ending === 'first-chunk-timeout' || ending === 'stall-timeout'
    ? {firstChunkTimeoutMs: SHORT_FIRST_CHUNK_TIMEOUT_MS}
    : {};
const serverUrl = ending === 'cannot-connect' ? `http://127.0.0.1:${closedPort}` : MOCK_PROVIDERS_URL;

let hasEnded = false;
function report(exitReport: ExitReport): void {
  hasEnded = true;
  process.stdout.write(`${CALL_ENDED_MARKER} ${JSON.stringify(exitReport)}\n`);
}
function reportError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (LlmTimeoutError.isInstance(error)) report({outcome: 'timeout-error', message});
  else if (LlmProviderError.isInstance(error))
    report({outcome: 'provider-error', isRetryable: error.isRetryable, message});
  else report({outcome: 'other-error', message});
}
function late(kind: string): void {
  process.stdout.write(`${LATE_EMISSION_MARKER} ${kind}\n`);
}

const observer: Observer<LlmChunk> = {
  next: chunk => {
    if (hasEnded) late(chunk.type);
  },
  error: error => (hasEnded ? late('error') : reportError(error)),
  complete: () => (hasEnded ? late('complete') : report({outcome: 'completed'})),
};

async function cancelInFlight(subscription: Subscription): Promise<void> {
  // The server has the request and holds its headers back: the SDK is waiting for them.
  await waitForMockRequest(tag, () => true, {timeoutMs: 4000});
  subscription.unsubscribe();
  report({outcome: 'cancelled'});
}

async function main(): Promise<void> {
  // Loaded before the call, as by an earlier one: the short timeouts then fire during the HTTP exchange, not while
  // Node still reads the SDK (which takes longer than they do on a loaded machine), and no module is left loading
  // after the marker.
  await target.loadSdk();
  const llm = await target.create(serverUrl, options);
  const stream = llm.stream({
    userPrompt: 'Say hello.',
    headers: {[MOCK_SCENARIO_HEADER]: mockScenario(SCENARIOS[ending])},
  });
  const subscription = stream.subscribe(observer);
  if (ending === 'cancelled-at-once') {
    subscription.unsubscribe();
    report({outcome: 'cancelled'});
  } else if (ending === 'cancelled-in-flight') {
    await cancelInFlight(subscription).catch((error: unknown) => {
      subscription.unsubscribe();
      report({outcome: 'other-error', message: `the request never reached the mock server: ${String(error)}`});
    });
  }
}

// A rejection is unhandled on purpose: Node prints it and exits with an error code, which the suite reports.
void main();
