import type {IncomingHttpHeaders} from 'node:http';
import type {MockRequestRecord} from './client/mock-provider-client';

/** Headers whose values are credentials: recorded as `***`. */
export const MASKED_HEADERS: readonly string[] = ['authorization', 'x-api-key', 'x-goog-api-key'];

// The record type lives with the server's client (src/client), which reads this log over HTTP.
export type {MockRequestRecord} from './client/mock-provider-client';

/**
 * Copies request headers for the log, masking credentials so that no key is ever stored.
 *
 * @param headers The Node request headers.
 * @returns Lower-case names to values, several values joined with `, `.
 */
export function maskHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    masked[name] = MASKED_HEADERS.includes(name) ? '***' : Array.isArray(value) ? value.join(', ') : value;
  }
  return masked;
}

/**
 * Masks a `key=` query parameter (Gemini's older way of passing the API key).
 *
 * @param path Path and query string.
 * @returns The path with the key's value replaced by `***`.
 */
export function maskPath(path: string): string {
  return path.replace(/([?&]key=)[^&]*/g, '$1***');
}

/** The in-memory list of requests a server has seen, oldest first. */
export class RequestLog {
  readonly #records: MockRequestRecord[] = [];
  #nextId = 1;

  /**
   * Creates and stores a record for a request that just arrived.
   *
   * @param fields The record without `id`, `status`, `closedEarly` and `completed`.
   * @returns The stored record, which the server updates as the response goes out.
   */
  add(fields: Omit<MockRequestRecord, 'id' | 'status' | 'closedEarly' | 'completed'>): MockRequestRecord {
    const record: MockRequestRecord = {
      id: `req_mock_${this.#nextId++}`,
      ...fields,
      status: null,
      closedEarly: false,
      completed: false,
    };
    this.#records.push(record);
    return record;
  }

  /**
   * Lists the records, optionally only those of one tag.
   *
   * @param tag The scenario tag to filter on; all records when absent.
   * @returns Copies of the matching records.
   */
  list(tag?: string): MockRequestRecord[] {
    return this.#records.filter(record => tag === undefined || record.tag === tag).map(record => ({...record}));
  }

  /**
   * Counts the records of one tag, e.g. to know how many times a request was retried.
   *
   * @param tag The scenario tag.
   * @returns How many requests with that tag were recorded.
   */
  count(tag: string): number {
    return this.#records.reduce((count, record) => (record.tag === tag ? count + 1 : count), 0);
  }

  /**
   * Forgets every record.
   *
   * @returns How many records were removed.
   */
  clear(): number {
    return this.#records.splice(0).length;
  }
}
