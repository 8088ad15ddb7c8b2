import type {LlmCallReplaySource} from 'llm-rx';

const REPLAY_METHODS = ['countReplayCalls', 'readReplayPage', 'readReplayCursor', 'saveReplayCursor'] as const;

/**
 * The call log as a replay source, when it is one (`llm-rx/logging`'s log reads its history in pages and
 * remembers how far a replay got).
 * @param log The demo's call log.
 * @returns The log, typed as a replay source, or `undefined` when it lacks a replay method.
 */
export function replaySourceOf(log: object): LlmCallReplaySource | undefined {
  const methods = log as Partial<Record<(typeof REPLAY_METHODS)[number], unknown>>;
  return REPLAY_METHODS.every(name => typeof methods[name] === 'function') ? (log as LlmCallReplaySource) : undefined;
}
