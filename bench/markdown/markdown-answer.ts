/**
 * The markdown bench's answer: deterministic sections of what a model writes (headings, paragraphs with emphasis,
 * code spans and links, nested lists, fenced code in several languages, tables), repeated with numbered content
 * until the answer reaches the size asked for.
 */

const LANGUAGES = ['ts', 'python', 'bash', 'json', 'css'] as const;

function codeBlock(index: number): string {
  const language = LANGUAGES[index % LANGUAGES.length];
  switch (language) {
    case 'ts':
      return [
        '```ts',
        `export function step${index}(items: readonly number[]): number {`,
        `  // Sums the items above ${index}.`,
        `  return items.filter(item => item > ${index}).reduce((sum, item) => sum + item, 0);`,
        '}',
        '```',
      ].join('\n');
    case 'python':
      return [
        '```python',
        `def step_${index}(items):`,
        `    """Sums the items above ${index}."""`,
        `    return sum(item for item in items if item > ${index})`,
        '```',
      ].join('\n');
    case 'bash':
      return [
        '```bash',
        `mkdir -p build/step-${index}`,
        `npm run build -- --out=build/step-${index} && ls build`,
        '```',
      ].join('\n');
    case 'json':
      return [
        '```json',
        `{"step": ${index}, "enabled": true, "tags": ["a", "b"], "limits": {"max": ${index * 10}}}`,
        '```',
      ].join('\n');
    default:
      return ['```css', `.step-${index} {`, '  display: grid;', `  gap: ${index % 16}px;`, '}', '```'].join('\n');
  }
}

function section(index: number): string {
  return [
    `## ${index}. Step ${index}: configuring the pipeline`,
    '',
    `This step explains **part ${index}** of the setup, with *emphasis* where it matters, a \`code span\` and a ` +
      `[link to the docs](https://example.com/docs/step-${index}). Read it before the next step; it keeps the ` +
      `build reproducible and the output small, which matters when the answer grows to many sections.`,
    '',
    `- First, install the tools for step ${index}:`,
    '  - the compiler, pinned to a version;',
    `  - the linter, with **rule set ${index % 7}**;`,
    '- Then run the checks:',
    `  1. unit tests (\`npm test\`);`,
    '  2. the end-to-end suite.',
    '',
    codeBlock(index),
    '',
    '| Option | Default | Meaning |',
    '| ------ | ------- | ------- |',
    `| \`level${index}\` | ${index % 5} | How deep the _search_ goes |`,
    `| \`mode\` | fast | One of fast, careful |`,
    '',
    `> Note ${index}: a blockquote with a [reference](https://example.com/notes/${index}).`,
    '',
  ].join('\n');
}

/**
 * Builds the answer.
 * @param bytes Its size, at least: sections are added until it is reached (ASCII, so characters are bytes).
 * @returns The markdown, starting with a title and an introduction paragraph (where the bench selects text).
 */
export function benchMarkdownAnswer(bytes: number): string {
  const parts = [
    '# A long answer',
    '',
    'The first paragraph of the answer, which the bench selects once it is rendered: a selection made here ' +
      'should survive until the answer ends, as it does in a chat that keeps finished blocks.',
    '',
  ];
  let length = parts.join('\n').length;
  for (let index = 1; length < bytes; index++) {
    const next = section(index);
    parts.push(next);
    length += next.length + 1;
  }
  return parts.join('\n');
}

/**
 * Cuts a text into chunks of a fixed size, the last one shorter, as a provider streams it.
 * @param text The text.
 * @param size Characters per chunk.
 * @returns The chunks, which join to the text.
 */
export function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return chunks;
}
