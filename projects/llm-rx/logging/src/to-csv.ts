/** A value a CSV cell can hold; `null` and `undefined` become an empty cell. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Quotes one CSV field as RFC 4180 says: a field holding a comma, a double quote, CR or LF is wrapped in double
 * quotes, and each double quote inside is doubled. A text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading
 * `'`, so that a spreadsheet opening the export never runs a prompt as a formula (numbers are kept as they are).
 * @see https://www.rfc-editor.org/rfc/rfc4180#section-2
 * @param value The cell's value.
 * @returns The field as it goes between the commas.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // A text cell starting like a formula would run in a spreadsheet (prompts are user text): make it inert text.
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes rows as RFC 4180 CSV: a header line of column names, then one line per row, CRLF after each line.
 * @param columns The columns, in order; each is a key of the rows.
 * @param rows The rows.
 * @returns The CSV text.
 */
export function toCsv<Row extends object>(columns: readonly (keyof Row & string)[], rows: Iterable<Row>): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map(column => csvField(row[column] as CsvValue)).join(','));
  return lines.map(line => `${line}\r\n`).join('');
}
