import type {LlmCallRecord} from 'llm-rx';

/** The time window of one answer: from its send to its end (epoch ms). */
export interface AnswerWindow {
  readonly startedAt: number;
  readonly endedAt: number;
}

/**
 * The log row an answer links to on the dashboard: among the chat's rows that started within the answer's window
 * (a cascade's or a tool loop's rows all do), the newest that answered (`ok`); failing that, the newest that ended.
 * The chat sends one call at a time, so the window holds only this answer's rows.
 * @param rows The chat's rows (label `chat`), any order.
 * @param window When the answer was sent and ended.
 * @returns The row's id, or `undefined` while no row of the window is written.
 */
export function answeringCallRowId(rows: readonly LlmCallRecord[], window: AnswerWindow): string | undefined {
  const inWindow = rows
    .filter(row => row.startedAt >= window.startedAt && row.startedAt <= window.endedAt)
    .filter(row => row.status !== 'in-progress')
    .sort((a, b) => b.startedAt - a.startedAt);
  return (inWindow.find(row => row.status === 'ok') ?? inWindow[0])?.id;
}
