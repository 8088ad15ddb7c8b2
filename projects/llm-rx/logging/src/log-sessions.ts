const LOCK_PREFIX = 'llm-rx-log-session:';

/** A Web Lock held for as long as an `LlmCallLog` is open, so that other tabs know its rows are live. */
export interface LogSessionLock {
  /** Resolves once the lock is held (at once without Web Locks). */
  readonly held: Promise<void>;
  /** Lets the lock go. */
  release(): void;
}

/**
 * Holds a Web Lock named after a log session until released.
 *
 * Web Locks are released by the browser when a tab closes or crashes, so a lock still held means a live tab,
 * which IndexedDB alone cannot tell.
 * @see https://developer.mozilla.org/docs/Web/API/Web_Locks_API
 * @param sessionId The session's id.
 * @returns The lock; `held` resolves at once where Web Locks are unavailable.
 */
export function holdSessionLock(sessionId: string): LogSessionLock {
  const locks = webLocks();
  if (locks === undefined) return {held: Promise.resolve(), release: () => undefined};
  let release: () => void = () => undefined;
  const released = new Promise<void>(resolve => (release = resolve));
  const held = new Promise<void>((resolve, reject) => {
    locks
      .request(LOCK_PREFIX + sessionId, () => {
        resolve();
        return released;
      })
      .catch(reject);
  });
  return {held, release: () => release()};
}

/**
 * The sessions whose tab is still open, from the Web Locks held in this origin.
 * @returns Their ids, or `undefined` where Web Locks are unavailable.
 */
export async function liveSessionIds(): Promise<ReadonlySet<string> | undefined> {
  const locks = webLocks();
  if (locks === undefined) return undefined;
  const {held = []} = await locks.query();
  return new Set(
    held.flatMap(lock => (lock.name?.startsWith(LOCK_PREFIX) ? [lock.name.slice(LOCK_PREFIX.length)] : [])),
  );
}

function webLocks(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.locks;
}
