import type {LlmBodyRecord, LlmCallRecord, LlmCallStatus} from './llm-call-record';

/** Which rows a query reads; every field is optional and they combine with AND. */
export interface LlmCallFilter {
  readonly provider?: string;
  readonly model?: string;
  readonly status?: LlmCallStatus;
  readonly label?: string;
  /** The schema name of calls with `output` (`LlmCallRecord.outputName`). */
  readonly outputName?: string;
  /** The rows of one tool loop's steps (`LlmCallRecord.loopId`). */
  readonly loopId?: string;
  /** Rows started at or after this time, epoch ms. */
  readonly from?: number;
  /** Rows started at or before this time, epoch ms. */
  readonly to?: number;
}

/** A page of recent rows: a filter plus paging. */
export interface LlmCallPage extends LlmCallFilter {
  /** Rows to skip, newest first; default 0. */
  readonly offset?: number;
  /** Rows to return; default 50. */
  readonly limit?: number;
}

/** One row with its call's body and every attempt of its trace. */
export interface LlmCallDetails {
  readonly call: LlmCallRecord;
  /** The call's request and response (one per call); `undefined` when bodies are not stored or were never written. */
  readonly body: LlmBodyRecord | undefined;
  /** Every row of the call's trace, this one included, by attempt index. */
  readonly attempts: readonly LlmCallRecord[];
  /**
   * For a row of a tool loop (`loopId` set): every step of the loop that the log holds, by step, this row's
   * included; empty for a row outside a loop.
   */
  readonly loop: readonly LlmLoopStep[];
}

/**
 * One step of a tool loop, in a call's details: the step's call (its attempts) and its body. A step's tool results
 * are in the next step's request (its `tool` messages).
 */
export interface LlmLoopStep {
  /** The 0-based step (`LlmCallRecord.step`). */
  readonly step: number;
  /** The trace of the step's call. */
  readonly traceId: string;
  /** The step's rows, by attempt index. */
  readonly attempts: readonly LlmCallRecord[];
  /** The step's request and response; `undefined` when bodies are not stored or were never written. */
  readonly body: LlmBodyRecord | undefined;
}
