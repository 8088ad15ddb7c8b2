// What the chaos suite's checks take and give: the mock server's requests, mismatches by kind, totals.
import type {MockRequestRecord} from '@llm-rx/mock-providers';

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
