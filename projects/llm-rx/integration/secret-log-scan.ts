/*
 * Spec support for secrets.browser.spec.ts: scans everything an `LlmCallLog` kept, each IndexedDB table read raw
 * and both exports. It defines no specs. Not an entry point: import it by relative path.
 */
import {LLM_CALL_CSV_COLUMNS, type LlmCallLog} from 'llm-rx/logging';
import type {SecretScan} from './secret-scan';

/**
 * Flushes the log, then scans every row of every table (read with IndexedDB itself, not through Dexie's hooks),
 * `exportCalls('json')` and `exportCalls('csv')`.
 * @param scan The scan to add findings to.
 * @param log The log.
 * @returns How many rows each table held, e.g. `{calls: 2, bodies: 1}`.
 */
export async function scanCallLog(scan: SecretScan, log: LlmCallLog): Promise<Record<string, number>> {
  await log.flush();
  const database = log.database;
  await database.open();
  const backend = database.backendDB();
  const names = [...new Set([...database.tables.map(table => table.name), ...Array.from(backend.objectStoreNames)])];
  const counts: Record<string, number> = {};
  for (const name of names) {
    const rows = await readAllRows(backend, name);
    counts[name] = rows.length;
    rows.forEach((row, index) => scan.value(`table ${name} row ${index}`, row));
  }

  const json = await log.exportCalls('json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = undefined;
  }
  // The parsed form: a key with a line break is `\n` in the text, but whole again once parsed.
  if (parsed === undefined) scan.text('export json', json);
  else scan.value('export json', parsed);

  const csv = await log.exportCalls('csv');
  const [header = [], ...records] = parseCsv(csv);
  records.forEach((record, row) =>
    record.forEach((field, column) =>
      scan.text(`export csv row ${row + 1} column ${header[column] ?? LLM_CALL_CSV_COLUMNS[column] ?? column}`, field),
    ),
  );
  // Anything the parser missed (a malformed export) is still seen.
  if (records.length === 0) scan.text('export csv', csv);
  return counts;
}

function readAllRows(database: IDBDatabase, name: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = database.transaction(name, 'readonly').objectStore(name).getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Splits RFC 4180 CSV into records of fields (quoted fields may hold commas, quotes and line breaks).
 * @param text The CSV.
 * @returns The records, the header first.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
