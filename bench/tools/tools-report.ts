import {DEFAULT_MOCK_TEXT} from '../../projects/mock-providers/src/mock-plan';
import {formatNumber, markdownTable, medianWithIqr, range, ratio} from '../report-format';
import type {BenchResults} from '../results';
import {describeResult, type TargetCheck, toolArgumentsCheck, toolLoopCheck} from '../targets';
import type {ToolArgumentsResults} from './tool-arguments';
import type {ToolLoopResults} from './tool-loop';
import {LOOP_STEPS} from './tools-fixture';

/**
 * Renders the tool-call section of `BENCHMARKS.md`: the 5-step loop against the raw SDK's five calls, and tool
 * arguments streamed against a text answer of the same pieces, llm-rx and the Vercel AI SDK side by side.
 * @param results The run.
 * @returns The Markdown, or `''` when the section did not run.
 */
export function renderToolsSection(results: BenchResults): string {
  const {toolLoop, toolArguments, machine, settings} = results;
  if (!toolLoop && !toolArguments) return '';
  const parts = [
    `## 9. Tool calls: the loop and streamed arguments (Node, OpenAI Responses)

Run with \`npm run bench -- --only=tools\` (about a minute here; \`--smoke --only=tools\` checks the harness in seconds).
Every library speaks the OpenAI Responses API, what \`@ai-sdk/openai\`'s \`openai(modelId)\` calls by default, to the
tools bench's own mock server (\`bench/tools/tools-mock-server.ts\`, in a child process, no delays, so its CPU is not
counted). Machine: ${machine.cpuModel}, ${machine.cores} cores, load average ${formatNumber(machine.loadAverage, 2)} at the start
of the run, shared with whatever else ran; absolute times move with it, the ratios come from the same rounds.`,
  ];
  if (toolLoop) parts.push(loopTable(toolLoop, toolLoopCheck(results), settings));
  if (toolArguments) parts.push(argumentsTable(toolArguments, toolArgumentsCheck(results), settings));
  return parts.join('\n\n');
}

function targetCell(check: TargetCheck | undefined, limit: string): string {
  return check ? `${limit}: ${describeResult(check)}` : '';
}

function loopTable(loop: ToolLoopResults, check: TargetCheck | undefined, settings: BenchResults['settings']): string {
  const rows = loop.rows.map(row => [
    row.library,
    medianWithIqr(row.cpuMsPerLoop, 2),
    range(row.cpuMsPerLoop, 2),
    medianWithIqr(row.wallMsPerLoop, 2),
    row.library === 'raw SDK' ? '1.00× (the floor)' : ratio(row.cpuRatioToRaw),
    row.library === 'raw SDK' ? '1.00×' : ratio(row.wallRatioToRaw),
    row.library === 'raw SDK' ? '' : medianWithIqr(row.cpuOverheadMs, 2),
    row.library === 'llm-rx' ? targetCell(check, '≤ 1.10× raw') : '',
  ]);
  return `### A ${LOOP_STEPS}-step tool loop, beyond the model calls themselves

The model calls one tool in each of its first ${LOOP_STEPS - 1} answers (\`toolRounds=${LOOP_STEPS - 1}\`, one call with small arguments), then answers
a ${DEFAULT_MOCK_TEXT.split(' ').length}-word text; the tool (\`weather\`, a zod input schema) returns a constant object synchronously.
**raw SDK** (the floor): the \`openai\` SDK's \`responses.create({stream: true})\` five times one after another, keeping each
answer's \`function_call\` items, \`JSON.parse()\` of their arguments, the tool, and the call with its output appended to the
next input: the model calls themselves and the least an app does between them. **llm-rx**: \`runTools(createOpenAiLlm(…), {userPrompt, tools}, {maxSteps: ${LOOP_STEPS}})\`
with the adapter's defaults (timeouts, usage, pricing), the tool's input validated by its schema, every part subscribed.
**Vercel AI SDK**: \`streamText({model: openai(…), tools: {weather: tool({inputSchema, execute})}, stopWhen: stepCountIs(${LOOP_STEPS})})\`
reading \`fullStream\`. Each sample is ${loop.loopsPerSample} whole loops one after another (CPU is this process's \`process.cpuUsage()\`,
after a full GC and a 30 ms pause); ${settings.warmups} warm-up and ${settings.tools.loopRounds} measured rounds, the three libraries interleaved; ratios and the
CPU beyond the floor are taken round by round, then the median. Every loop is checked: ${LOOP_STEPS} model calls, ${LOOP_STEPS - 1} tool results, the
final text, and the same summed usage as the raw SDK's.

${markdownTable(
  [
    'Library',
    'CPU ms/loop, median (IQR)',
    'CPU min–max',
    'Wall ms/loop, median (IQR)',
    'CPU × raw SDK, median (min–max)',
    'Wall × raw SDK, median (min–max)',
    'CPU beyond the floor, ms/loop, median (IQR)',
    'Target',
  ],
  rows,
)}`;
}

function argumentsTable(
  results: ToolArgumentsResults,
  check: TargetCheck | undefined,
  settings: BenchResults['settings'],
): string {
  const {answer} = results;
  const rows = results.rows.map(row => [
    row.mode === 'text' ? 'text' : 'tool arguments',
    row.library,
    medianWithIqr(row.cpuMicrosPerChunk),
    range(row.cpuMicrosPerChunk),
    medianWithIqr(row.wallMicrosPerChunk),
    row.mode === 'text' ? '1.00×' : ratio(row.cpuRatioToText),
    row.library === 'llm-rx' ? '1.00×' : ratio(row.cpuRatioToLlmRx),
    row.library === 'llm-rx' && row.mode === 'tool-arguments' ? targetCell(check, '≤ 1.50× text') : '',
  ]);
  return `### Tool arguments streamed, per chunk, against text

One answer, ${formatNumber(answer.bytes / 1000, 1)} kB of JSON (the structured-output bench's object of ${answer.records} items) in ${answer.chunks.toLocaleString('en-US')} pieces of
~${formatNumber(answer.characters / answer.chunks, 0)} characters split anywhere, streamed either as **text** or as the **arguments** of one tool call
(\`function_call_arguments.delta\` events), to the same request: the prompt and one tool whose input schema is that object's zod
schema (no \`execute\`: one model call). **llm-rx**: \`llm.stream({userPrompt, tools})\`, keeping the \`text-delta\`s, or the
\`tool-call-delta\`s with the arguments parsed so far (llm-rx parses them incrementally and gives a new \`partialInput\` at
each piece that changed them) and the \`tool-call-end\`'s input validated by the schema. **Vercel AI SDK**: \`streamText({model: openai(…), tools})\`
reading \`fullStream\`'s \`text-delta\`s, or its \`tool-input-delta\`s (the raw pieces, no partial input) and the validated
\`tool-call\`. **raw SDK** (a reference): the \`openai\` SDK's stream, the pieces, and \`JSON.parse()\` of the call's arguments
at its end. ${settings.warmups} warm-up and ${settings.tools.argumentRounds} measured rounds, all six runs interleaved; ratios are round by round. Every run is
checked: every piece, the call's input deep-equal to the JSON's, one output token per piece.

${markdownTable(
  [
    'Answer read as',
    'Library',
    'CPU µs/chunk, median (IQR)',
    'CPU min–max',
    'Wall µs/chunk, median (IQR)',
    'CPU × own text, median (min–max)',
    'CPU × llm-rx, same answer',
    'Target',
  ],
  rows,
)}`;
}
