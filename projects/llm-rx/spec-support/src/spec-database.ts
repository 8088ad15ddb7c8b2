// An IndexedDB database of its own for each logging spec, deleted after it.
import Dexie from 'dexie';

/**
 * A database name no other spec uses.
 * @returns The name, `llm-rx-log-spec-` and a random UUID.
 */
export function uniqueDatabaseName(): string {
  return `llm-rx-log-spec-${crypto.randomUUID()}`;
}

/**
 * Deletes a spec's database, whatever connections are left.
 * @param name The database's name.
 */
export async function deleteDatabase(name: string): Promise<void> {
  // A closed connection counts as open until its last transaction commits, which would log "delete blocked".
  await new Promise(resolve => setTimeout(resolve, 0));
  await Dexie.delete(name);
}
