// Waiting with real timers, for specs of streams that do not run on a test scheduler.

/**
 * Waits, with real timers, until a condition holds.
 * @param condition What to wait for.
 * @param what Its name, for the error after 2 s.
 */
export async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 1));
  }
}

/** Lets a few macrotasks run, for things that must not happen. */
export function settle(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, 20));
}
