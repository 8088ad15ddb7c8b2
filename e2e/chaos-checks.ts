/*
 * The chaos suite's checks, Node side and pure: given what the page's calls did, the log's rows and the mock
 * server's request log, every mismatch between them, with a kind, the call and what differs.
 */
import type {MockRequestRecord} from '@llm-rx/mock-providers';
import {leavesOf, WIRE_PROVIDERS} from './chaos-harness/chaos-plan';
import type {
  AttemptRecord,
  AttemptSummary,
  CallResult,
  LeafPlan,
  NodePlan,
  RowSummary,
} from './chaos-harness/chaos-types';

/** What a check found wrong, by kind; library kinds first, harness kinds (the suite's own consistency) last. */
export type MismatchKind =
  | 'row missing'
  | 'row missing: cut cascade fallback'
  | 'row status'
  | 'row in-progress'
  | 'row extra'
  | 'row names no leaf of its call'
  | 'call without rows'
  | 'rows of a call in several traces'
  | 'attempt numbering'
  | 'usage.attempts'
  | 'LlmCascadeError.attempts'
  | 'LlmTruncationError.usage.attempts'
  | 'attempt outcome vs mock record'
  | 'row of an unknown call'
  | 'harness: call did not end'
  | 'harness: mock request without attempt'
  | 'harness: attempt without mock request'
  | 'harness: wire';

export interface Mismatch {
  readonly kind: MismatchKind;
  readonly callId: string;
  readonly detail: string;
}

/** The mock server's record of one request, as far as the checks read it. */
export type MockRequest = Pick<
  MockRequestRecord,
  'id' | 'tag' | 'wire' | 'status' | 'fault' | 'closedEarly' | 'completed'
>;

/** Whether the calls ran to their end in a live page (the main run) or may have been cut by a reload or close. */
export type CheckMode = 'live' | 'cut';

/** Totals of a check, for the report. */
export interface CheckTotals {
  calls: number;
  requests: number;
  rows: number;
  attempts: number;
  /** Attempts cancelled (or timed out, or cut) before their request reached the server: a row is optional. */
  unsentAttempts: number;
  endings: Record<string, number>;
}

/** The result of a check. */
export interface CheckResult {
  readonly mismatches: Mismatch[];
  readonly totals: CheckTotals;
}

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

/**
 * Matches a leaf's rows to its attempts: each attempt whose request reached the server needs one row whose status
 * it allows; an attempt that never sent its request may have one. Reports what is left unmatched.
 * @returns Whether anything was reported.
 */
function matchRows(
  tag: string,
  leaf: LeafPlan,
  sentAttempts: readonly AttemptRecord[],
  unsentAttempts: readonly AttemptRecord[],
  rows: readonly RowSummary[],
  mode: CheckMode,
  requests: readonly MockRequest[],
  isFailedBeforeCut: (attempt: AttemptRecord) => boolean,
  report: (kind: MismatchKind, detail: string) => void,
): boolean {
  // After a cut, a row left in progress is `interrupted`; an attempt still running when the page recorded it last
  // may also have ended as the tab went away (its fetch aborted, or its answer in), after the page's last record.
  const allows = (attempt: AttemptRecord, row: RowSummary) =>
    mode === 'live'
      ? row.status === attempt.outcome
      : row.status === 'interrupted' ||
        row.status === attempt.outcome ||
        (attempt.outcome == null && row.status !== 'in-progress');
  // One matching of every attempt to the rows: the sent ones first, and an augmenting path never unmatches an
  // attempt, so each sent attempt that can have a row gets one, and an unsent one may take a row that is left.
  const match = maxMatching([...sentAttempts, ...unsentAttempts], rows, allows);
  const unmatchedRows = rows.filter((_, index) => !match.matchedRows.has(index));
  const unmatchedAttempts = sentAttempts.filter((_, index) => !match.matchedAttempts.has(index));
  const where = () =>
    `${tag} (${leaf.provider}/${leaf.model}, ${describeLeaf(leaf)}): attempts [${[...sentAttempts, ...unsentAttempts]
      .map(describeAttempt)
      .join(', ')}], requests [${requests.map(describeRequest).join(', ')}], rows [${statuses(rows)}]`;
  const pairs = Math.min(unmatchedAttempts.length, unmatchedRows.length);
  for (let index = 0; index < pairs; index++) {
    const row = unmatchedRows[index];
    report(row.status === 'in-progress' ? 'row in-progress' : 'row status', where());
  }
  for (const attempt of unmatchedAttempts.slice(pairs)) {
    report(isFailedBeforeCut(attempt) ? 'row missing: cut cascade fallback' : 'row missing', where());
  }
  for (const row of unmatchedRows.slice(pairs)) {
    report(row.status === 'in-progress' ? 'row in-progress' : 'row extra', where());
  }
  return unmatchedAttempts.length > 0 || unmatchedRows.length > 0;
}

/** Kuhn's augmenting paths: the largest set of (attempt, row) pairs, each row's status allowed by its attempt. */
function maxMatching(
  attempts: readonly AttemptRecord[],
  rows: readonly RowSummary[],
  allows: (attempt: AttemptRecord, row: RowSummary) => boolean,
): {matchedAttempts: Set<number>; matchedRows: Set<number>} {
  const attemptOfRow = new Map<number, number>();
  const augment = (attemptIndex: number, seen: Set<number>): boolean => {
    for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
      if (seen.has(rowIndex) || !allows(attempts[attemptIndex], rows[rowIndex])) continue;
      seen.add(rowIndex);
      const holder = attemptOfRow.get(rowIndex);
      if (holder === undefined || augment(holder, seen)) {
        attemptOfRow.set(rowIndex, attemptIndex);
        return true;
      }
    }
    return false;
  };
  attempts.forEach((_, index) => augment(index, new Set()));
  return {matchedAttempts: new Set(attemptOfRow.values()), matchedRows: new Set(attemptOfRow.keys())};
}

function keyOf(item: {readonly provider: string; readonly model: string}): string {
  return `${item.provider}/${item.model}`;
}

function groupBy<T>(items: readonly T[], keyOfItem: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOfItem(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function statuses(rows: readonly RowSummary[]): string {
  return rows.map(row => row.status).join(', ');
}

function describeAttempt(attempt: AttemptRecord): string {
  return attempt.outcome === null
    ? 'running'
    : `${attempt.outcome}${attempt.errorName ? `(${attempt.errorName})` : ''}`;
}

function describeRequest(request: MockRequest): string {
  const ending = request.completed ? 'completed' : request.closedEarly ? 'closed early' : 'open';
  return `${request.id} ${request.status ?? '-'} ${request.fault ?? 'no fault'} ${ending}`;
}

/**
 * A leaf in a few words: kind, fault and its values, retries.
 * @param leaf The leaf.
 * @returns E.g. `anthropic status=503 failTimes=1 retry×2`.
 */
export function describeLeaf(leaf: LeafPlan): string {
  const scenario = leaf.scenario as Record<string, unknown>;
  const faultKeys = [
    'status',
    'dropAfter',
    'stallAfter',
    'errorAfter',
    'malformedAfter',
    'noFinal',
    'finish',
    'headerDelay',
    'failTimes',
  ];
  const fault = faultKeys
    .filter(key => scenario[key] !== undefined)
    .map(key => `${key}=${String(scenario[key])}`)
    .join(' ');
  return [leaf.kind, fault || 'no fault', leaf.retryCount ? `retry×${leaf.retryCount}` : ''].filter(Boolean).join(' ');
}

/**
 * A tree in one line, e.g. `cascade[openai-chat status=500, cascade[gemini no fault]]`.
 * @param node The tree.
 * @returns The line.
 */
export function describeTree(node: NodePlan): string {
  return node.type === 'leaf' ? describeLeaf(node) : `cascade[${node.children.map(describeTree).join(', ')}]`;
}

function describeCall(call: CallResult): string {
  const ending =
    call.ending === undefined ? 'no ending' : `${call.ending}${call.errorName ? ` ${call.errorName}` : ''}`;
  const cancel = call.plan.cancelAfterMs === null ? '' : `, cancel at ${call.plan.cancelAfterMs} ms`;
  return `call ${describeTree(call.plan.tree)} ended ${ending}${cancel}`;
}

/**
 * The report of a check: the seed and how to rerun, the totals, counts per kind, and the first mismatches.
 * @param title What was checked.
 * @param seed The run's seed.
 * @param result The check's result.
 * @param extra More lines for the totals.
 * @param shown How many mismatches to list.
 * @returns The text.
 */
export function formatReport(
  title: string,
  seed: number,
  result: CheckResult,
  extra: readonly string[] = [],
  shown = 20,
): string {
  const {mismatches, totals} = result;
  const lines = [
    `${title}: seed ${seed} (rerun: LLM_RX_CHAOS_SEED=${seed} npx playwright test e2e/chaos.spec.ts)`,
    `  ${totals.calls} calls (${Object.entries(totals.endings)
      .map(([ending, count]) => `${count} ${ending}`)
      .join(', ')}), ${totals.attempts} attempts, ${totals.requests} mock requests, ${totals.rows} rows, ` +
      `${totals.unsentAttempts} attempts ended before their request was sent`,
    ...extra.map(line => `  ${line}`),
  ];
  if (mismatches.length === 0) return [...lines, '  no mismatch'].join('\n');
  const byKind = groupBy(mismatches, mismatch => mismatch.kind);
  lines.push(
    `  ${mismatches.length} mismatches in ${new Set(mismatches.map(mismatch => mismatch.callId)).size} calls:`,
  );
  for (const [kind, items] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(
      `    ${String(items.length).padStart(5)} × ${kind} (${new Set(items.map(item => item.callId)).size} calls)`,
    );
  }
  lines.push(`  first ${Math.min(shown, mismatches.length)}:`);
  // Round-robin over kinds, so that one frequent kind does not hide the others.
  const queues = [...byKind.values()].map(items => [...items]);
  const picked: Mismatch[] = [];
  while (picked.length < shown && queues.some(queue => queue.length > 0)) {
    for (const queue of queues) {
      const item = queue.shift();
      if (item && picked.length < shown) picked.push(item);
    }
  }
  for (const item of picked) lines.push(`    [${item.kind}] ${item.callId}: ${item.detail}`);
  return lines.join('\n');
}
