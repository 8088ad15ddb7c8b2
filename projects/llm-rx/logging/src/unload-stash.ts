import type {LlmBodyRecord, LlmCallRecord} from 'llm-rx';
import type {LlmLogDatabase} from './llm-log-database';

const STASH_PREFIX = 'llm-rx-log-stash:';

/** What a page that unloads keeps in localStorage for the log to write when it next opens. */
interface Stash {
  readonly calls: LlmCallRecord[];
  readonly bodies: LlmBodyRecord[];
}

/**
 * Keeps rows in localStorage as the page unloads: a reload commits no IndexedDB write started after
 * `beforeunload` (a cascade that fails over as the reload cuts its request, say), and a closing tab may lose its
 * last IndexedDB requests, but localStorage writes are synchronous and survive. The next log to open the database
 * writes them (`importUnloadStash()`).
 * @param databaseName The log's database.
 * @param sessionId The log's session.
 * @param calls The rows.
 * @param bodies Their bodies.
 * @returns Whether they were kept (localStorage may be missing, full or disabled).
 */
export function stashForNextOpen(
  databaseName: string,
  sessionId: string,
  calls: readonly LlmCallRecord[],
  bodies: readonly LlmBodyRecord[],
): boolean {
  if (typeof localStorage === 'undefined') return false;
  const key = `${STASH_PREFIX}${databaseName}:${sessionId}`;
  try {
    const stash = parseStash(localStorage.getItem(key));
    const byId = new Map(stash.calls.map(call => [call.id, call]));
    calls.forEach(call => byId.set(call.id, call));
    const bodiesById = new Map(stash.bodies.map(body => [body.id, body]));
    bodies.forEach(body => bodiesById.set(body.id, body));
    localStorage.setItem(key, JSON.stringify({calls: [...byId.values()], bodies: [...bodiesById.values()]}));
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes back what a page kept, for a page that did not unload after all (back from the back/forward cache): it
 * writes the rows itself, and they must not come back from the stash over newer versions later.
 * @param databaseName The log's database.
 * @param sessionId The log's session.
 * @returns The rows and bodies it kept (none without localStorage).
 */
export function takeStash(
  databaseName: string,
  sessionId: string,
): {readonly calls: LlmCallRecord[]; readonly bodies: LlmBodyRecord[]} {
  if (typeof localStorage === 'undefined') return {calls: [], bodies: []};
  const key = `${STASH_PREFIX}${databaseName}:${sessionId}`;
  try {
    const stash = parseStash(localStorage.getItem(key));
    localStorage.removeItem(key);
    return stash;
  } catch {
    return {calls: [], bodies: []};
  }
}

/**
 * Writes the rows that pages of this origin kept in localStorage as they unloaded, then forgets them.
 * @param database The log database, open.
 * @returns How many rows were written.
 */
export async function importUnloadStash(database: LlmLogDatabase): Promise<number> {
  if (typeof localStorage === 'undefined') return 0;
  const prefix = `${STASH_PREFIX}${database.name}:`;
  const keys: string[] = [];
  for (let index = 0; index < localStorage.length; index++) {
    const key = localStorage.key(index);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  let written = 0;
  for (const key of keys) {
    const stash = parseStash(localStorage.getItem(key));
    await database.transaction('rw', database.calls, database.bodies, async () => {
      await database.calls.bulkPut(stash.calls);
      await database.bodies.bulkPut(stash.bodies);
    });
    localStorage.removeItem(key);
    written += stash.calls.length;
  }
  return written;
}

function parseStash(text: string | null): Stash {
  if (text === null) return {calls: [], bodies: []};
  try {
    const parsed = JSON.parse(text) as Partial<Stash>;
    return {
      // A page of an older version kept rows without outputName (schema version 3), or without loopId, step and
      // toolCallCount (schema version 4).
      calls: Array.isArray(parsed.calls)
        ? parsed.calls.map(call => ({
            ...call,
            outputName: call.outputName ?? null,
            loopId: call.loopId ?? null,
            step: call.step ?? null,
            toolCallCount: call.toolCallCount ?? null,
          }))
        : [],
      bodies: Array.isArray(parsed.bodies) ? parsed.bodies : [],
    };
  } catch {
    return {calls: [], bodies: []};
  }
}
