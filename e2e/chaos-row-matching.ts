// Pairing a leaf's attempts with its log rows, for the chaos suite's checks.
import type {AttemptRecord, LeafPlan, RowSummary} from './chaos-harness/chaos-types';
import type {CheckMode, MismatchKind, MockRequest} from './chaos-check-types';
import {describeAttempt, describeLeaf, describeRequest, statuses} from './chaos-descriptions';

/**
 * Matches a leaf's rows to its attempts: each attempt whose request reached the server needs one row whose status
 * it allows; an attempt that never sent its request may have one. Reports what is left unmatched.
 * @param tag The leaf's scenario tag.
 * @param leaf The leaf.
 * @param sentAttempts Its attempts whose request the mock server recorded, in order.
 * @param unsentAttempts Its attempts that ended before their request was sent.
 * @param rows Its rows in the log.
 * @param mode `live` or `cut`, as for `checkRun`.
 * @param requests Its mock requests, for the details.
 * @param isFailedBeforeCut Whether a missing row belongs to a failed attempt before a cut.
 * @param report Where mismatches go.
 * @returns Whether anything was reported.
 */
export function matchRows(
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
