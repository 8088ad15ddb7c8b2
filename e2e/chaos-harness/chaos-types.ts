/*
 * The data the chaos harness page and the chaos spec exchange: call plans, what each call did, the log's rows.
 * Types only, so that the spec (Node) and the page (browser) share them without sharing code.
 */
import type {MockScenario} from '@llm-rx/mock-providers';

/** The kinds of leaf a call tree is built from: five providers, OpenAI through both of its APIs. */
export type LeafKind = 'openai-responses' | 'openai-chat' | 'anthropic' | 'gemini' | 'deepseek' | 'cohere';

/** The fault a leaf's mock scenario plays, as the harness names it in reports. */
export type LeafFault =
  | 'none'
  | 'status'
  | 'dropAfter'
  | 'stallAfter'
  | 'errorAfter'
  | 'malformedAfter'
  | 'noFinal'
  | 'finishLength'
  | 'headerDelay';

/** One provider model of a call, pointed at the mock server with its own scenario. */
export interface LeafPlan {
  readonly type: 'leaf';
  /** Its place in the call's tree: `r` for a leaf call, `r.0`, `r.1.2`, … inside cascades. */
  readonly path: string;
  readonly kind: LeafKind;
  /** The provider name the library reports (`openai` for both OpenAI APIs). */
  readonly provider: string;
  /** The mock server's wire that serves it. */
  readonly wire: string;
  /** Unique among the call's leaves of the same provider, so that a row names its leaf. */
  readonly model: string;
  /** The host name the page calls the mock server by (see `--host-resolver-rules` in the spec). */
  readonly host: string;
  /** The scenario without its tag; the tag is `${runId}.${callId}.${path}`. */
  readonly scenario: Omit<MockScenario, 'tag'>;
  readonly fault: LeafFault;
  /** `retryBeforeFirstChunk({count})` around the leaf; 0 for none. */
  readonly retryCount: number;
  readonly firstChunkTimeoutMs: number;
  readonly idleTimeoutMs: number;
}

/** A cascade of 1–3 children, leaves or cascades. */
export interface CascadePlan {
  readonly type: 'cascade';
  readonly path: string;
  readonly children: readonly NodePlan[];
}

export type NodePlan = LeafPlan | CascadePlan;

/** One call of a run, drawn from its own seeded generator. */
export interface CallPlan {
  /** Also the call's log label. */
  readonly callId: string;
  readonly tree: NodePlan;
  /** Milliseconds after subscription at which the call is unsubscribed, or `null`. */
  readonly cancelAfterMs: number | null;
}

/** How an attempt, or a call, ended as its subscriber saw it. */
export type Outcome = 'ok' | 'error' | 'cancelled';

/** One subscription of a leaf (one HTTP request, unless cancelled before it was sent), as the page saw it. */
export interface AttemptRecord {
  readonly path: string;
  readonly tag: string;
  readonly provider: string;
  readonly model: string;
  /** `null` while it runs (or when the page died first). */
  outcome: Outcome | null;
  /** The error's `name` when it failed. */
  errorName?: string;
  readonly startedAt: number;
  endedAt?: number;
}

/** An entry of `usage.attempts` or `LlmCascadeError.attempts`, reduced to what the checks compare. */
export interface AttemptSummary {
  readonly provider: string;
  readonly model: string;
  readonly outcome: string;
}

/** What one call did, as the page saw it. */
export interface CallResult {
  readonly plan: CallPlan;
  readonly startedAt: number;
  endedAt?: number;
  ending?: Outcome;
  /** The error's `name` when the call failed. */
  errorName?: string;
  errorMessage?: string;
  /** `usage.attempts` of a successful call. */
  usageAttempts?: AttemptSummary[];
  /** `LlmCascadeError.attempts` of a call that failed with one. */
  cascadeErrorAttempts?: AttemptSummary[];
  /** `LlmTruncationError.usage.attempts` of a call that failed with one. */
  truncationAttempts?: AttemptSummary[];
  /** Every leaf subscription, in order. */
  readonly attempts: AttemptRecord[];
}

/** A row of the log's `calls` table, reduced to what the checks read. */
export interface RowSummary {
  readonly id: string;
  readonly traceId: string;
  readonly sessionId: string;
  readonly label: string | null;
  readonly provider: string;
  readonly model: string;
  readonly status: string;
  readonly attemptIndex: number;
  readonly attemptCount: number;
  readonly errorType: string | null;
  readonly startedAt: number;
}

/** Where the page finds the mock server and how the run is named. */
export interface RunContext {
  readonly seed: number;
  /** Prefix of every tag of the run, unique per run so that the shared mock log never mixes two runs. */
  readonly runId: string;
  readonly mockPort: string;
  /** Host names of the mock server, all mapped to 127.0.0.1; calls are spread over them. */
  readonly hosts: readonly string[];
}

/** Options of the page's `runMain()`. */
export interface MainRunOptions extends RunContext {
  /** How many calls must have finished before no new call starts. */
  readonly calls: number;
  /** How many calls are kept in flight until then. */
  readonly inFlight: number;
}

/** What the page's `runMain()` returns. */
export interface MainRunResult {
  readonly calls: CallResult[];
  readonly rows: RowSummary[];
  /** The fewest calls in flight right after any call ended, before `calls` had finished. */
  readonly minInFlight: number;
  readonly maxInFlight: number;
  readonly durationMs: number;
  /** Messages of the log's `onError`. */
  readonly logErrors: string[];
}

/** Options of the page's `startTraffic()`. */
export interface TrafficOptions extends RunContext {
  /** The round, part of every call id (`r3c17`). */
  readonly round: number;
  /** The most calls the round starts. */
  readonly maxCalls: number;
}

/** What the page's `collect()` returns after the rounds: the log's rows and the calls the rounds started. */
export interface CollectResult {
  readonly rows: RowSummary[];
  readonly calls: CallResult[];
}

/** The page's API, on `window.chaos`. */
export interface ChaosApi {
  runMain(options: MainRunOptions): Promise<MainRunResult>;
  startTraffic(options: TrafficOptions): Promise<void>;
  collect(context: RunContext): Promise<CollectResult>;
}
