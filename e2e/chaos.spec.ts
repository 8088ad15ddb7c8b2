import {test as base, expect, type LaunchOptions, type Page} from '@playwright/test';
import {writeFileSync} from 'node:fs';
import type {MockRequest} from './chaos-check-types';
import {checkRun} from './chaos-checks';
import {formatReport} from './chaos-report';
import {mulberry32} from '@llm-rx/spec-support';
import {deriveSeed, Dice} from './chaos-harness/chaos-random';
import type {ChaosApi, CallResult, RunContext} from './chaos-harness/chaos-types';
import {MOCK_SERVER_URL} from './demo-fixtures';

/*
 * The chaos suite: in Chromium, over a thousand logged calls through the five real adapters against the mock
 * server's faults, with retries, nested cascades, random cancels and many calls in flight; then rounds of reloads
 * and closed tabs with calls in flight. Every request the mock server saw must have exactly one row in the log.
 *
 * Seeded: `LLM_RX_CHAOS_SEED=<n>` replays the same calls (trees, faults, cancel times, reload times); the seed is
 * printed, and named in every failure.
 */

/** The run's seed: `$LLM_RX_CHAOS_SEED`, which playwright.config.ts draws at random unless it is set. */
const SEED = process.env['LLM_RX_CHAOS_SEED'] ? Number(process.env['LLM_RX_CHAOS_SEED']) >>> 0 : randomSeed();
const HARNESS_URL = `http://127.0.0.1:${process.env['LLM_RX_E2E_CHAOS_PORT']}/`;
const MOCK_PORT = process.env['LLM_RX_E2E_MOCK_PORT'] ?? '';
/**
 * Host names of the mock server, all resolved to 127.0.0.1 by Chromium: HTTP/1.1 allows 6 connections per host,
 * and with one host most of the 20+ calls in flight would wait in the browser's queue, their timeouts running
 * before their request is even sent.
 */
const HOSTS = Array.from({length: 12}, (_, index) => `h${index}.chaos.test`);

const MAIN_CALLS = 1000;
const IN_FLIGHT = 24;
const RELOAD_ROUNDS = 5;
const CLOSE_ROUNDS = 5;

function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

const test = base.extend<object, {launchOptions: LaunchOptions}>({
  launchOptions: [
    async ({launchOptions}, use) =>
      use({
        ...launchOptions,
        args: [...(launchOptions.args ?? []), '--host-resolver-rules=MAP *.chaos.test 127.0.0.1'],
      }),
    {scope: 'worker'},
  ],
});

test.beforeEach(() => console.log(`chaos seed ${SEED} (rerun with LLM_RX_CHAOS_SEED=${SEED})`));

function contextOf(name: string): RunContext {
  // Unique per run, so that the shared mock log and the browser's storage never mix two runs; the seed alone
  // decides what the calls do.
  const runId = `chaos-${name}-${SEED.toString(36)}-${Date.now().toString(36)}`;
  return {seed: SEED, runId, mockPort: MOCK_PORT, hosts: HOSTS};
}

async function openHarness(page: Page): Promise<void> {
  await page.goto(HARNESS_URL);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}

/** What the pages reported: uncaught errors, and console errors (the SDKs log the malformed events they skip). */
interface PageErrors {
  readonly uncaught: string[];
  readonly console: string[];
}

function watchPage(page: Page, errors: PageErrors): void {
  page.on('pageerror', error => errors.uncaught.push(error.message));
  page.on('console', message => {
    // A browser logs every 4xx and 5xx response: the mock server's faults, not errors of the page.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.console.push(message.text());
    }
  });
}

function pageErrorLines(errors: PageErrors): string[] {
  const lines = [`${errors.uncaught.length} uncaught page errors, ${errors.console.length} console errors`];
  if (errors.uncaught.length > 0) lines.push(`first uncaught: ${errors.uncaught.slice(0, 3).join(' | ')}`);
  const logErrors = errors.console.filter(line => line.includes('llm-rx/logging'));
  if (logErrors.length > 0) lines.push(`call log errors: ${logErrors.slice(0, 3).join(' | ')}`);
  return lines;
}

/**
 * Every request the mock server recorded for the run, once the log stops growing: the records of cancelled and
 * cut requests land a moment after the page saw them end.
 */
async function runRequests(runId: string): Promise<MockRequest[]> {
  let previous = -1;
  for (;;) {
    await new Promise(resolve => setTimeout(resolve, 400));
    const response = await fetch(`${MOCK_SERVER_URL}/__mock/requests`);
    expect(response.ok).toBe(true);
    const records = ((await response.json()) as MockRequest[]).filter(record => record.tag?.startsWith(`${runId}.`));
    if (records.length === previous) {
      return records.map(({id, tag, wire, status, fault, closedEarly, completed}) => ({
        id,
        tag,
        wire,
        status,
        fault,
        closedEarly,
        completed,
      }));
    }
    previous = records.length;
  }
}

test('chaos: 1,000 logged calls with faults, retries, nested cascades and cancels', async ({page}, testInfo) => {
  test.setTimeout(180_000);
  const errors: PageErrors = {uncaught: [], console: []};
  watchPage(page, errors);
  await openHarness(page);
  const context = contextOf('main');
  const result = await page.evaluate(options => (window as unknown as {chaos: ChaosApi}).chaos.runMain(options), {
    ...context,
    calls: MAIN_CALLS,
    inFlight: IN_FLIGHT,
  });
  const requests = await runRequests(context.runId);
  const check = checkRun(context.runId, result.calls, result.rows, requests, 'live');
  const report = formatReport('chaos main run', SEED, check, [
    `${result.calls.length} calls in ${Math.round(result.durationMs)} ms, ${result.minInFlight}–${result.maxInFlight} in flight until ${MAIN_CALLS} had finished`,
    ...(result.logErrors.length ? [`log errors: ${result.logErrors.slice(0, 3).join(' | ')}`] : []),
    ...pageErrorLines(errors),
  ]);
  console.log(report);
  writeFileSync(testInfo.outputPath('chaos-main.json'), JSON.stringify({seed: SEED, context, result, requests}));
  expect(result.minInFlight, `seed ${SEED}: the harness kept fewer than 20 calls in flight`).toBeGreaterThanOrEqual(20);
  expect(check.mismatches.length, report).toBe(0);
});

test('chaos: reloads and closed tabs with calls in flight', async ({page, context: browserContext}, testInfo) => {
  test.setTimeout(180_000);
  const errors: PageErrors = {uncaught: [], console: []};
  const context = contextOf('cut');
  const dice = new Dice(mulberry32(deriveSeed(SEED, 'cuts')));
  const rounds = dice.shuffle([
    ...Array.from({length: RELOAD_ROUNDS}, () => 'reload' as const),
    ...Array.from({length: CLOSE_ROUNDS}, () => 'close' as const),
  ]);
  const cuts: Cut[] = [];
  let current = page;
  watchPage(current, errors);
  await openHarness(current);
  for (const [round, kind] of rounds.entries()) {
    await current.evaluate(options => (window as unknown as {chaos: ChaosApi}).chaos.startTraffic(options), {
      ...context,
      round,
      maxCalls: 400,
    });
    await current.waitForTimeout(dice.int(300, 1000));
    cuts.push({round, kind, at: Date.now()});
    if (kind === 'reload') {
      await current.reload();
    } else {
      await current.close();
      current = await browserContext.newPage();
      watchPage(current, errors);
      await current.goto(HARNESS_URL);
    }
    await expect(current.locator('body[data-ready="true"]')).toBeAttached();
  }
  const collected = await current.evaluate(
    options => (window as unknown as {chaos: ChaosApi}).chaos.collect(options),
    context,
  );
  const requests = await runRequests(context.runId);
  const cutOf = (call: CallResult) => cuts[Number(/^r(\d+)c/.exec(call.plan.callId)?.[1])];
  const check = checkRun(context.runId, collected.calls, collected.rows, requests, 'cut', call => {
    const cut = cutOf(call);
    const state = call.ending === undefined ? 'still running' : `ended ${call.ending}`;
    return `started ${cut.at - call.startedAt} ms before the ${cut.kind} of round ${cut.round}, ${state} then`;
  });
  // A call the page started after the test asked for its reload or close (a timer firing in the unloading page)
  // is no call "in flight at the cut": whether the browser keeps what it writes then is up to its teardown. Its
  // mismatches are counted, not failed.
  const isLateStart = (call: CallResult) => cutOf(call).at - call.startedAt < 0;
  const lateCallIds = new Set(collected.calls.filter(isLateStart).map(call => call.plan.callId));
  const lateMismatches = check.mismatches.filter(mismatch => lateCallIds.has(mismatch.callId));
  check.mismatches.splice(0, check.mismatches.length, ...check.mismatches.filter(m => !lateCallIds.has(m.callId)));
  const withoutRows = new Set(
    check.mismatches.filter(mismatch => mismatch.kind === 'call without rows').map(mismatch => mismatch.callId),
  );
  const inFlight = collected.calls.filter(call => call.ending === undefined);
  const report = formatReport('chaos reload/close rounds', SEED, check, [
    `rounds: ${rounds.join(', ')}`,
    `${inFlight.length} calls in flight at a cut, ${ageBuckets(inFlight, cutOf)}`,
    `${withoutRows.size} calls without rows, ${ageBuckets(
      collected.calls.filter(call => withoutRows.has(call.plan.callId)),
      cutOf,
    )}`,
    `${lateCallIds.size} calls started while a cut was under way (not checked): ` +
      `${new Set(lateMismatches.map(mismatch => mismatch.callId)).size} of them with mismatches`,
    ...pageErrorLines(errors),
  ]);
  console.log(report);
  writeFileSync(
    testInfo.outputPath('chaos-cut.json'),
    JSON.stringify({seed: SEED, context, cuts, collected, requests}),
  );
  expect(collected.calls.length, `seed ${SEED}: no call started`).toBeGreaterThan(0);
  expect(check.mismatches.length, report).toBe(0);
});

/** A reload or close of the tab, at the Node clock (the page's clock is the same machine's). */
interface Cut {
  readonly round: number;
  readonly kind: 'reload' | 'close';
  readonly at: number;
}

/** How long before their round's cut calls started: the rounds must cut calls 0–300 ms old. */
function ageBuckets(calls: readonly CallResult[], cutOf: (call: CallResult) => Cut): string {
  const ages = calls.map(call => cutOf(call).at - call.startedAt);
  const within = (low: number, high: number) => ages.filter(age => age >= low && age < high).length;
  return (
    `started before the cut by: ${within(-Infinity, 0)} < 0 ms (while it was under way), ${within(0, 50)} 0–50 ms, ` +
    `${within(50, 300)} 50–300 ms, ${within(300, Infinity)} ≥ 300 ms`
  );
}
