/*
 * The chaos suite's checks, Node side and pure: given what the page's calls did, the log's rows and the mock
 * server's request log, every mismatch between them, with a kind, the call and what differs. Beside it:
 * chaos-check-types.ts (what goes in and out), chaos-row-matching.ts (attempts to rows), chaos-descriptions.ts
 * (the details of a mismatch) and chaos-report.ts (the report of a check).
 */
import {leavesOf, WIRE_PROVIDERS} from './chaos-harness/chaos-plan';
import type {AttemptRecord, AttemptSummary, CallResult, RowSummary} from './chaos-harness/chaos-types';
import type {CheckMode, CheckResult, CheckTotals, Mismatch, MismatchKind, MockRequest} from './chaos-check-types';
import {describeAttempt, describeCall, statuses} from './chaos-descriptions';
import {matchRows} from './chaos-row-matching';
import {groupBy} from './group-by';

/**
 * Checks a run: every mock request of the run has exactly one row in its call's trace with its leaf's provider
 * and model and the status its attempt ended with; every call's `usage.attempts` or `LlmCascadeError.attempts`
 * lists every attempt.
 *
 * Rows are matched to leaves by provider and model (unique per call), and to requests through the page's record
 * of each leaf subscription: the n-th subscription of a leaf is the n-th request with its tag.
 * @param runId The run's id, prefix of every tag.
 * @param calls What each call did, as the page recorded it.
 * @param rows Every row of the log.
 * @param requests Every request the mock server recorded (other runs' included; they are skipped).
 * @param mode `live`: statuses must be the attempts' endings; `cut`: an attempt may also be `interrupted`.
 * @param annotate More about a call for its mismatches, e.g. how long before a reload it started.
 * @returns The mismatches and totals.
 */
export function checkRun(
  runId: string,
  calls: readonly CallResult[],
  rows: readonly RowSummary[],
  requests: readonly MockRequest[],
  mode: CheckMode,
  annotate?: (call: CallResult) => string,
): CheckResult {
  const mismatches: Mismatch[] = [];
  const totals: CheckTotals = {calls: calls.length, requests: 0, rows: 0, attempts: 0, unsentAttempts: 0, endings: {}};
  const callIds = new Set(calls.map(call => call.plan.callId));
  const rowsByCall = groupBy(rows, row => row.label ?? '');
  const requestsByTag = groupBy(
    requests.filter(request => request.tag?.startsWith(`${runId}.`)),
    request => request.tag ?? '',
  );
  for (const [tag, tagged] of requestsByTag) {
    const callId = tag.slice(runId.length + 1).split('.')[0];
    if (callId !== 'warmup' && !callIds.has(callId)) {
      mismatches.push({
        kind: 'harness: mock request without attempt',
        callId,
        detail: `${tagged.length} request(s) tagged ${tag}`,
      });
    }
  }
  for (const [label, labelled] of rowsByCall) {
    if (!callIds.has(label)) {
      mismatches.push({kind: 'row of an unknown call', callId: label, detail: `${labelled.length} row(s)`});
    }
  }
  for (const call of calls) {
    const callRows = rowsByCall.get(call.plan.callId) ?? [];
    totals.rows += callRows.length;
    totals.attempts += call.attempts.length;
    const ending = call.ending ?? (mode === 'cut' ? 'cut' : 'none');
    totals.endings[ending] = (totals.endings[ending] ?? 0) + 1;
    const found: Mismatch[] = [];
    checkCall(runId, call, callRows, requestsByTag, mode, found, totals);
    const note = annotate && found.length > 0 ? `; ${annotate(call)}` : '';
    mismatches.push(...found.map(mismatch => ({...mismatch, detail: mismatch.detail + note})));
  }
  return {mismatches, totals};
}

function checkCall(
  runId: string,
  call: CallResult,
  rows: readonly RowSummary[],
  requestsByTag: ReadonlyMap<string, MockRequest[]>,
  mode: CheckMode,
  mismatches: Mismatch[],
  totals: CheckTotals,
): void {
  const {callId} = call.plan;
  const report = (kind: MismatchKind, detail: string) => mismatches.push({kind, callId, detail});
  if (mode === 'live' && call.ending === undefined) report('harness: call did not end', describeCall(call));
  const leaves = leavesOf(call.plan.tree);
  const leafOfKey = new Map(leaves.map(leaf => [keyOf(leaf), leaf]));
  const rowsByKey = groupBy(rows, keyOf);
  for (const [key, keyed] of rowsByKey) {
    if (!leafOfKey.has(key)) {
      report(
        'row names no leaf of its call',
        `${keyed.length} row(s) ${key} (${statuses(keyed)}); ${describeCall(call)}`,
      );
    }
  }
  if (rows.length === 0) report('call without rows', describeCall(call));
  const traces = new Set(rows.map(row => row.traceId));
  if (traces.size > 1) report('rows of a call in several traces', `${traces.size} trace ids over ${rows.length} rows`);

  // A cut call (no ending) on a later attempt than its first: the failed attempts before must keep their rows.
  const isCutFallback = mode === 'cut' && call.ending === undefined && call.attempts.length > 1;
  let sent = 0;
  let unsent = 0;
  let hasRowMismatch = false;
  for (const leaf of leaves) {
    const tag = `${runId}.${callId}.${leaf.path}`;
    const requests = requestsByTag.get(tag) ?? [];
    const attempts = call.attempts.filter(attempt => attempt.path === leaf.path);
    totals.requests += requests.length;
    for (const request of requests) {
      if (request.wire !== leaf.wire || WIRE_PROVIDERS[request.wire ?? ''] !== leaf.provider) {
        report('harness: wire', `${tag}: request ${request.id} on wire ${request.wire}, leaf is ${leaf.kind}`);
      }
    }
    if (requests.length > attempts.length) {
      report(
        'harness: mock request without attempt',
        `${tag}: ${requests.length} request(s), ${attempts.length} attempt(s) seen by the page`,
      );
    }
    const sentAttempts = attempts.slice(0, requests.length);
    const unsentAttempts = attempts.slice(requests.length);
    for (const attempt of unsentAttempts) {
      // Only an attempt ended before its request went out has no request: a cancel, a timeout, or a tab going
      // away (which aborts its fetches: the attempt may even fail with a connection error before the page stops).
      const isExplained =
        attempt.outcome === 'cancelled' ||
        attempt.errorName === 'LlmTimeoutError' ||
        (mode === 'cut' && attempt.outcome !== 'ok');
      if (!isExplained) {
        report('harness: attempt without mock request', `${tag}: ${describeAttempt(attempt)}, no request recorded`);
      }
    }
    if (mode === 'live') {
      sentAttempts.forEach((attempt, index) => checkAgainstMock(tag, attempt, requests[index], report));
    }
    sent += sentAttempts.length;
    unsent += unsentAttempts.length;
    const leafRows = rowsByKey.get(keyOf(leaf)) ?? [];
    const isFailedBeforeCut = (attempt: AttemptRecord) =>
      isCutFallback && attempt.outcome === 'error' && attempt !== call.attempts.at(-1);
    hasRowMismatch =
      matchRows(tag, leaf, sentAttempts, unsentAttempts, leafRows, mode, requests, isFailedBeforeCut, report) ||
      hasRowMismatch;
  }
  totals.unsentAttempts += unsent;

  if (mode === 'live' && !hasRowMismatch && rows.length > 0) {
    const indexes = rows.map(row => row.attemptIndex).sort((a, b) => a - b);
    const counts = new Set(rows.map(row => row.attemptCount));
    const isNumbered =
      indexes.every((index, position) => index === position) && counts.size === 1 && counts.has(rows.length);
    if (!isNumbered) {
      report(
        'attempt numbering',
        `${rows.length} rows with attemptIndex [${indexes.join(', ')}] and attemptCount [${[...counts].join(', ')}]`,
      );
    }
  }
  const expected = call.attempts.map(({provider, model, outcome}) => ({provider, model, outcome: outcome ?? 'none'}));
  const lists: [MismatchKind, AttemptSummary[] | undefined, boolean][] = [
    ['usage.attempts', call.usageAttempts, true],
    ['LlmCascadeError.attempts', call.cascadeErrorAttempts, true],
    // A truncated attempt's usage says `ok` (it answered); only who was called is compared.
    ['LlmTruncationError.usage.attempts', call.truncationAttempts, false],
  ];
  for (const [kind, actual, withOutcome] of lists) {
    if (actual === undefined || call.ending === 'cancelled') continue;
    const show = (list: readonly AttemptSummary[]) =>
      list.map(item => `${item.provider}/${item.model}${withOutcome ? `:${item.outcome}` : ''}`).join(', ');
    if (show(actual) !== show(expected)) {
      report(
        kind,
        `${actual.length} listed, ${expected.length} attempt(s) made (${sent} mock request(s)): ` +
          `listed [${show(actual)}], made [${show(expected)}]; ${describeCall(call)}`,
      );
    }
  }
}

/** The page's ending of an attempt against what the mock server played for its request. */
function checkAgainstMock(
  tag: string,
  attempt: AttemptRecord,
  request: MockRequest,
  report: (kind: MismatchKind, detail: string) => void,
): void {
  if (attempt.outcome === 'ok' && (request.fault !== null || request.status !== 200)) {
    report(
      'attempt outcome vs mock record',
      `${tag}: request ${request.id} played fault ${request.fault} (HTTP ${request.status}) but the attempt completed`,
    );
  }
}

function keyOf(item: {readonly provider: string; readonly model: string}): string {
  return `${item.provider}/${item.model}`;
}
