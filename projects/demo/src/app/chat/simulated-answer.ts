/** The longest part of the prompt an answer quotes, so that the scenario header stays small. */
const MAX_QUOTE_LENGTH = 240;
/** The longest part of the prompt a heading names. */
const MAX_HEADING_LENGTH = 60;

const ANGLES = [
  ['Say what is asked, in one sentence.', 'List what is known and what is not.', 'Answer the smallest case first.'],
  ['Name the parts of the question.', 'Take each part in turn.', 'Put the parts back together.'],
  ['Start from an example.', 'Find the rule behind it.', 'Check the rule on a second example.'],
] as const;

/**
 * A deterministic markdown answer to a prompt, for the simulated providers: a heading that names the question, a
 * paragraph quoting it, a short list, a code block and a table. The same prompt always gives the same answer, so
 * that the demo feels alive offline and a test can predict it.
 * @param prompt The user's prompt.
 * @returns The answer, in markdown.
 */
export function simulatedAnswer(prompt: string): string {
  const question = prompt.replace(/\s+/g, ' ').trim() || 'your question';
  const words = question.split(' ');
  const hash = stableHash(question);
  const angle = ANGLES[hash % ANGLES.length];
  const quote = shorten(question, MAX_QUOTE_LENGTH).replace(/[*_`[\]<>#|\\]/g, '');
  const heading = shorten(quote, MAX_HEADING_LENGTH);
  const longest = [...words].sort((a, b) => b.length - a.length)[0].replace(/[^\p{L}\p{N}-]/gu, '') || 'answer';
  return [
    `## About “${heading}”`,
    '',
    `You asked: *“${quote}”*. This is a simulated answer, built from your prompt by the demo, so it reads the same`,
    `every time you ask it; switch to real providers in Settings for a model's answer.`,
    '',
    ...angle.map((step, index) => `${index + 1}. **${step.split(' ')[0]}** ${step.split(' ').slice(1).join(' ')}`),
    '',
    '```ts',
    `const question = ${JSON.stringify(shorten(question, MAX_HEADING_LENGTH))};`,
    `const words = question.split(' ').length; // ${words.length}`,
    '```',
    '',
    '| Measure | Value |',
    '| --- | --- |',
    `| Words | ${words.length} |`,
    `| Characters | ${question.length} |`,
    `| Longest word | ${longest} |`,
  ].join('\n');
}

/**
 * The `x-mock-scenario` of a simulated provider, answering the prompt: a scenario that says nothing of the text
 * (no `text`, `chunks` or `status` key) gets `text=` with `simulatedAnswer(prompt)`; others are kept as they are.
 * @param scenario The scenario the user picked.
 * @param prompt The user's prompt.
 * @returns The scenario to send.
 */
export function withSimulatedAnswer(scenario: string, prompt: string): string {
  const keys = scenario.split(';').map(pair => pair.split('=')[0].trim());
  if (keys.some(key => key === 'text' || key === 'chunks' || key === 'status')) return scenario;
  const answer = `text=${encodeURIComponent(simulatedAnswer(prompt))}`;
  return scenario.trim() ? `${scenario};${answer}` : answer;
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

/** A 32-bit FNV-1a hash: the same text, the same number, in every browser. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
