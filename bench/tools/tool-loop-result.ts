import {DEFAULT_MOCK_TEXT} from '../../projects/mock-providers/src/mock-plan';
import type {ToolLoopResult, ToolsBenchLibrary} from './tool-loop-consumers';
import {LOOP_STEPS} from './tools-fixture';

/**
 * Checks what each loop consumer saw in one round against the loop's plan and against the first one (the raw SDK):
 * `LOOP_STEPS` model calls, a tool result between each two, the mock's default text at the end, and the same
 * summed usage as the raw SDK. A library whose conversation lost a tool call would get another tool call at its
 * last step, so no text: this check catches it.
 * @param results Each consumer's library and result; the first is the reference.
 * @throws Error naming the library and what differed.
 */
export function assertToolLoopsAgree(
  results: readonly {readonly library: ToolsBenchLibrary; readonly result: ToolLoopResult}[],
): void {
  const [reference] = results;
  if (!reference) throw new Error('bench: no tool loop results to compare');
  for (const {library, result} of results) {
    const problems: string[] = [];
    if (result.steps !== LOOP_STEPS) problems.push(`${result.steps} model calls, expected ${LOOP_STEPS}`);
    if (result.toolResults !== LOOP_STEPS - 1) {
      problems.push(`${result.toolResults} tool results, expected ${LOOP_STEPS - 1}`);
    }
    if (result.text !== DEFAULT_MOCK_TEXT) problems.push(`text differs (${JSON.stringify(result.text.slice(0, 40))})`);
    if (result.inputTokens !== reference.result.inputTokens || result.outputTokens !== reference.result.outputTokens) {
      problems.push(
        `usage differs (${result.inputTokens}/${result.outputTokens} vs ${reference.library}'s ` +
          `${reference.result.inputTokens}/${reference.result.outputTokens} input/output tokens)`,
      );
    }
    if (problems.length) throw new Error(`bench: ${library}'s tool loop: ${problems.join('; ')}`);
  }
}
