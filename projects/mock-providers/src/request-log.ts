import type {IncomingHttpHeaders} from 'node:http';
import type {MockScenario} from './scenario';

/** Headers whose values are credentials: recorded as `***`. */
export const MASKED_HEADERS: readonly string[] = ['authorization', 'x-api-key', 'x-goog-api-key'];

/** One request as the mock server saw it. */
export interface MockRequestRecord {
  /** Also sent as the `x-request-id` and `request-id` response headers. */
  id: string;
  /** The scenario's `tag`, or `null`. */
  tag: string | null;
  /** The wire that served it, or `null` for an unknown route. */
  wire: string | null;
  method: string;
  /** Path and query string, with a `key=` query parameter masked. */
  path: string;
  /** Request headers, credentials masked as `***`. */
  headers: Record<string, string>;
  /** The parsed JSON body, the raw text when it is not JSON, or `null` when empty. */
  body: unknown;
  scenario: MockScenario;
  /** The HTTP status sent, or `null` before the head is written. */
  status: number | null;
  /** ISO time the request arrived. */
  receivedAt: string;
  /** Whether the client closed the connection before the server wrote its last event. */
  closedEarly: boolean;
  /** Whether the server wrote the whole response and ended it. */
  completed: boolean;
}

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
   * Forgets every record.
   *
   * @returns How many records were removed.
   */
  clear(): number {
    return this.#records.splice(0).length;
  }
}
