/** The default first-chunk timeout: reasoning models may think for a long time before they write. */
export const DEFAULT_FIRST_CHUNK_TIMEOUT_MS = 120_000;
/** The default idle timeout between two chunks. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;
