/** A row that starts with a pipe: the header of a table whose delimiter row may not have arrived yet. */
const PIPE_ROW = /^ {0,3}\|/;
/**
 * What a delimiter row looks like while it is written: pipes, dashes, colons and spaces only (and the zero-width
 * space `remend` appends to a lone `-` so that it does not turn the line above into a heading).
 */
const PARTIAL_DELIMITER_ROW = /^ {0,3}[|:\- \u200b]*$/;

/**
 * Completes a table whose delimiter row (`|---|---|`) has not fully arrived, so that it renders as a table at once
 * instead of flashing as a paragraph of pipes: a header row at the end of the block, alone or followed by a
 * delimiter row still being written, gets a delimiter row with one column per header cell. The lines before the
 * header (a paragraph that the table interrupts) are kept. `remend` does not do this.
 *
 * Only a header that starts with a pipe counts (as LLMs write tables); text that merely contains a pipe is left
 * alone. A header that has no cell yet (`|`) is held back.
 * @param block The last block of the streamed text.
 * @returns The block, with a delimiter row when it ends with a table's beginning.
 */
export function healTable(block: string): string {
  const lines = block.split('\n');
  // A complete last line leaves an empty string after its newline.
  if (lines.at(-1) === '' && lines.length > 1) lines.pop();
  const last = lines.length - 1;
  // A delimiter row that ends with a newline is complete: the lexer decides on it.
  const isDelimiterUnderway =
    last > 0 && !block.endsWith('\n') && PARTIAL_DELIMITER_ROW.test(lines[last]) && PIPE_ROW.test(lines[last - 1]);
  const header = isDelimiterUnderway ? last - 1 : last;
  if (!PIPE_ROW.test(lines[header]) || (header > 0 && PIPE_ROW.test(lines[header - 1]))) return block;
  const before = lines
    .slice(0, header)
    .map(line => `${line}\n`)
    .join('');
  const columns = countCells(lines[header]);
  if (columns === 0) return before;
  return `${before}${lines[header]}\n${'| --- '.repeat(columns)}|\n`;
}

/** The cells of a table row: its unescaped pipes split it, the outer ones do not count. */
function countCells(row: string): number {
  const cells = row.trim().split(/(?<!\\)\|/);
  if (cells[0].trim() === '') cells.shift();
  if (cells.length && cells.at(-1)!.trim() === '') cells.pop();
  return cells.length;
}
