// Fixtures of the replay specs: the rows of one call, and the calls a page holds.
import type {LlmCallRecord, LlmCallStatus, LlmReplayPage} from 'llm-rx';
import {callRow} from '@llm-rx/spec-support';

/**
 * The rows of one call, one per attempt, 100 ms apart, each counting every attempt.
 * @param traceId The call's trace id.
 * @param startedAt When its first attempt started, epoch ms.
 * @param statuses Each attempt's status, attempt 0 first; default one `ok` attempt.
 * @returns The rows, attempt 0 first.
 */
export function replayCall(
  traceId: string,
  startedAt: number,
  statuses: readonly LlmCallStatus[] = ['ok'],
): LlmCallRecord[] {
  return statuses.map((status, attemptIndex) =>
    callRow({
      id: `${traceId}-${attemptIndex}`,
      traceId,
      startedAt: startedAt + 100 * attemptIndex,
      status,
      attemptIndex,
      attemptCount: statuses.length,
    }),
  );
}

/**
 * What a page holds, short: each call's trace id and its rows' ids in attempt order.
 * @param page The page.
 * @returns `traceId: id, id…` per call.
 */
export function pageCalls(page: LlmReplayPage): string[] {
  return page.calls.map(call => `${call.traceId}: ${call.attempts.map(attempt => attempt.id).join(', ')}`);
}
