import {formatNumber, markdownTable, medianWithIqr, range, ratio} from '../report-format';
import type {BenchResults} from '../results';
import type {ObjectAnswer} from './object-answer';
import type {ObjectAnswerKind, ObjectStreamRow} from './object-stream';

const KIND_NOTES: Readonly<Record<ObjectAnswerKind, string>> = {
  small: 'small',
  large: 'large',
  coarse: 'coarse: the large answer in 10× bigger chunks',
  'vercel-bounded': 'Vercel bound',
};

/**
 * Renders the structured-output section of `BENCHMARKS.md`: the object stream against the text stream of the same
 * bytes on the wire, llm-rx and the Vercel AI SDK side by side, and the parser alone.
 * @param results The run.
 * @returns The Markdown, or `''` when the section did not run.
 */
export function renderObjectSection({objectStream, objectParser, settings}: BenchResults): string {
  if (!objectStream && !objectParser?.length) return '';
  const parts = [
    `## 8. Structured output: object stream vs text (Node, OpenAI Chat Completions)

The answer is one JSON object, \`{items: [...]}\` of records with strings (quotes, backslashes, newlines, tabs,
accented letters, CJK, an emoji), numbers, booleans, nulls, an optional key, a nested object and nested arrays, built
from a fixed seed, with its zod schema (\`bench/object/object-fixture.ts\`). The bench's own mock server
(\`bench/object/object-mock-server.ts\`: the repository's, each wire wrapped so that a prompt naming an item count is
answered with that object's JSON, split anywhere into the scenario's \`chunks\` pieces) streams it; the consumers read
the **same bytes** either as text or as an object. Every run is checked: the text byte for byte, the validated object
and the last partial object deep-equal to \`JSON.parse()\` of the JSON, one output token per chunk.

- **small** and **large** have the same chunk size, the large one 10× the items and 10× the chunks: a cost that grows
  with the text already streamed (re-parsing it, copying what was parsed) makes the object-over-text ratio grow
  from small to large. **coarse** is the large answer in 10× fewer, bigger chunks.
- **llm-rx, text**: \`llm.stream({userPrompt})\`, collecting the \`text-delta\`s. **llm-rx, object**:
  \`streamObject(llm, {userPrompt, output: {schema}})\`, keeping the latest \`partial-object\` and the \`object\`.
- **Vercel AI SDK, text**: \`streamText()\` reading \`textStream\`. **object**: \`streamText({output: Output.object({schema})})\`
  reading \`partialOutputStream\` (keeping the latest), then \`await output\`. Its partial output re-parses the whole text
  so far at every chunk (\`parsePartialJson\`: repair, then \`JSON.parse\`), so its cost per chunk grows with the answer;
  bounded here (see below).`,
  ];
  if (objectStream) parts.push(streamTables(objectStream, settings));
  if (objectParser?.length) parts.push(parserTable(objectParser, settings));
  return parts.join('\n\n');
}

function streamTables(results: NonNullable<BenchResults['objectStream']>, settings: BenchResults['settings']): string {
  const llmRxObject = (kind: ObjectAnswerKind) =>
    results.rows.find(row => row.kind === kind && row.library === 'llm-rx' && row.mode === 'object');
  const rows = results.rows.map((row: ObjectStreamRow) => {
    const reference = row.mode === 'object' && row.library !== 'llm-rx' ? llmRxObject(row.kind) : undefined;
    return [
      answerLabel(row.kind, row.answer),
      row.library,
      row.mode,
      medianWithIqr(row.cpuMicrosPerChunk),
      medianWithIqr(row.wallMicrosPerChunk),
      row.mode === 'object' ? ratio(row.cpuRatioToText) : '1.00×',
      reference ? `${formatNumber(row.cpuMicrosPerChunk.median / reference.cpuMicrosPerChunk.median, 1)}×` : '',
      row.mode === 'object' ? row.partials.toLocaleString('en-US') : '',
      String(row.cpuMicrosPerChunk.count),
    ];
  });
  const linearityRows = results.linearity.map(linearity => {
    const ratioAt = (kind: ObjectAnswerKind) =>
      results.rows.find(row => row.kind === kind && row.library === linearity.library && row.mode === 'object')
        ?.cpuRatioToText.median;
    return [
      linearity.library,
      `${KIND_NOTES[linearity.from]} → ${KIND_NOTES[linearity.to]}`,
      `${formatNumber(ratioAt(linearity.from), 2)}×`,
      `${formatNumber(ratioAt(linearity.to), 2)}×`,
      linearity.ratio.count > 1 ? ratio(linearity.ratio) : `${formatNumber(linearity.ratio.median, 2)}× (of medians)`,
    ];
  });
  const large = results.answers.large;
  const bounded = results.answers['vercel-bounded'];
  const vercelBounded = results.rows.find(
    row => row.kind === 'vercel-bounded' && row.library === 'Vercel AI SDK' && row.mode === 'object',
  );
  // Its cost per chunk grows with the text before the chunk: scale the bounded run's by the answers' sizes.
  const estimate =
    large && bounded && vercelBounded
      ? ((vercelBounded.cpuMicrosPerChunk.median * large.characters) / bounded.characters) * large.chunks
      : undefined;
  return `llm-rx: ${settings.warmups} warm-up and ${settings.object.rounds} measured rounds, the six runs of a round interleaved (each round starts with the
next); ratios are taken round by round, then the median. CPU is this process's \`process.cpuUsage()\` over the whole
call (request, SSE parsing, the library, the consumer), after a full GC and a 30 ms pause. The Vercel AI SDK runs apart, after one
warm-up run on a tenth of the small answer: ${results.vercelRounds} interleaved rounds of the small answer, then one run of the **Vercel bound**
answer (same chunk size); the large answer is not run with it${
    estimate === undefined
      ? ''
      : `: at the bound's cost per chunk scaled by the text size, one run would take about ${formatNumber(estimate / 60e6, 0)} minutes of CPU here`
  }. Its "× llm-rx" compares medians of separate rounds.

${markdownTable(
  [
    'Answer',
    'Library',
    'Read as',
    'CPU µs/chunk, median (IQR)',
    'Wall µs/chunk, median (IQR)',
    'CPU × own text stream, median (min–max)',
    'CPU × llm-rx object',
    'Partial objects',
    'Runs',
  ],
  rows,
)}

Linearity: the object-over-text ratio at one answer over the ratio at another (1.00× when the object's extra cost per
chunk does not grow with the answer):

${markdownTable(['Library', 'From → to', 'Ratio at from', 'Ratio at to', 'to ÷ from, median (min–max)'], linearityRows)}`;
}

function parserTable(rows: NonNullable<BenchResults['objectParser']>, settings: BenchResults['settings']): string {
  const floor = (answer: ObjectAnswer) =>
    rows.find(
      row =>
        row.parser === 'JSON.parse once' &&
        row.answer.records === answer.records &&
        row.answer.chunks === answer.chunks,
    )?.cpuMsPerAnswer.median;
  return `### The parser alone

No wire: the answer's chunks are in memory. **JSON.parse once**: \`JSON.parse()\` of the whole text, once (the floor; per
chunk = its time over the chunk count). **push only**: \`new PartialJsonParser()\` from \`llm-rx\`, \`push()\` of every chunk,
\`end()\`. **push + snapshot**: the same with \`snapshot()\` after every \`push()\` that changed the value, as
\`streamObject()\` does. **re-parse per chunk**: the Vercel AI SDK's \`parsePartialJson()\` of the whole text so far at every
chunk; its cost at a chunk depends only on the text before it, so each run measures it at ${settings.object.reparseSamples} evenly spaced chunks and
counts the mean for every chunk (a full 20,000-chunk run would take minutes). ${settings.warmups} warm-up and ${settings.object.rounds} measured
rounds, interleaved (${settings.object.reparseRounds} for the re-parse).

${markdownTable(
  ['Answer', 'Parser', 'CPU µs/chunk, median (IQR)', 'CPU min–max', 'CPU ms per answer', '× JSON.parse once', 'Runs'],
  rows.map(row => {
    const once = floor(row.answer);
    return [
      answerLabel(undefined, row.answer),
      row.parser,
      medianWithIqr(row.cpuMicrosPerChunk, 2),
      range(row.cpuMicrosPerChunk, 2),
      formatNumber(row.cpuMsPerAnswer.median, 1),
      once === undefined ? '' : `${formatNumber(row.cpuMsPerAnswer.median / once, 1)}×`,
      `${row.runs}${row.sampledChunks === undefined ? '' : ` (${row.sampledChunks} chunks each)`}`,
    ];
  }),
)}`;
}

function answerLabel(kind: ObjectAnswerKind | undefined, answer: ObjectAnswer): string {
  const prefix = kind === undefined ? '' : `${KIND_NOTES[kind].split(':')[0]}: `;
  return (
    `${prefix}${formatNumber(answer.bytes / 1e6, 2)} MB, ${answer.records.toLocaleString('en-US')} items, ` +
    `${answer.chunks.toLocaleString('en-US')} chunks of ~${formatNumber(answer.characters / answer.chunks, 0)} chars`
  );
}
