// The chaos suite's report of a check, as a failing test prints it.
import type {CheckResult, Mismatch} from './chaos-check-types';
import {groupBy} from './group-by';

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
