import type {LlmProxyLogEntry} from 'llm-rx/proxy';
import type {StreamResult} from '../consumers/consumer';

/**
 * Checks the llm-rx proxy's log of one call: a single `finished` line, status 200, with the usage metered from the
 * upstream's stream (not estimated) and its tokens the input plus output tokens the client saw; no refusal and
 * no failure.
 * @param entries The proxy's log lines of the call.
 * @param result What the client saw.
 * @returns Nothing; throws when the log disagrees.
 * @throws Error saying what the log held instead.
 */
export function assertProxyMetered(entries: readonly LlmProxyLogEntry[], result: StreamResult): void {
  const problems: string[] = [];
  const unexpected = entries.filter(entry => entry.event === 'refused' || entry.event === 'failed');
  for (const entry of unexpected) problems.push(`a ${entry.event} line (${entry.reason ?? entry.message ?? ''})`);
  const finished = entries.filter(entry => entry.event === 'finished');
  const [line] = finished;
  if (finished.length !== 1 || !line) {
    problems.push(`${finished.length} finished lines, expected 1`);
  } else {
    const tokens = result.inputTokens + result.outputTokens;
    if (line.status !== 200) problems.push(`status ${line.status}, expected 200`);
    if (line.metered !== true) problems.push('the usage was estimated, not metered from the stream');
    if (line.tokens !== tokens) problems.push(`${line.tokens} tokens charged, the client saw ${tokens}`);
  }
  if (problems.length) throw new Error(`bench: llm-rx/proxy's log: ${problems.join('; ')}`);
}

/**
 * Whether a call's log is complete: its `finished` line (written when the answer's body ends, which can be just
 * after the client read its last byte) or a refusal or failure.
 * @param entries The log lines so far.
 * @returns Whether to check them now.
 */
export function isCallLogComplete(entries: readonly LlmProxyLogEntry[]): boolean {
  return entries.some(entry => entry.event !== 'forwarded');
}
