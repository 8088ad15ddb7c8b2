import {type ChildProcess, spawn} from 'node:child_process';
import {freeLoopbackPort} from '@llm-rx/spec-support/node';

/** The mock provider server, running in a child process. */
export interface MockServerProcess {
  /** The server's base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Stops the child process. */
  close(): Promise<void>;
}

/** The repository's mock provider server (`projects/mock-providers`), started by default. */
export const MOCK_SERVER_MAIN = 'projects/mock-providers/src/main.ts';

/**
 * Starts `projects/mock-providers` in another process, so that the server's own CPU time never counts against
 * the consumers measured in this one.
 * @param script The server's entry script, run under `tsx` with `--port` and `--host`: by default the repository's
 *   mock server, or a bench's own start of it (e.g. `bench/object/object-mock-server.ts`).
 * @param timeoutMs How long to wait for the server's health route.
 * @returns The running server.
 */
export async function startMockServerProcess(
  script = MOCK_SERVER_MAIN,
  timeoutMs = 30_000,
): Promise<MockServerProcess> {
  const port = await freeLoopbackPort();
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', String(port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (!(await isHealthy(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`bench: the mock provider server did not start at ${url}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return {url, close: () => stop(child)};
}

/**
 * Empties the server's request log, which otherwise grows with every recorded request body.
 * @param url The server's base URL.
 */
export async function clearMockLog(url: string): Promise<void> {
  const clear = () => fetch(`${url}/__mock/requests`, {method: 'DELETE'});
  try {
    await clear();
  } catch (error) {
    // A pooled keep-alive connection the server closed while this process was busy: once more, on a fresh one.
    if (!isClosedConnection(error)) throw error;
    await clear();
  }
}

/**
 * Whether an error (or one of its causes) is a connection the other side closed or reset: what a request gets when
 * it picks a pooled keep-alive connection the server has just closed.
 * @param error The error.
 * @returns Whether it is.
 */
export function isClosedConnection(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 10; depth++) {
    const code = (cause as {code?: unknown}).code;
    if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || cause.message.includes('other side closed')) return true;
    cause = cause.cause;
  }
  return false;
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/__mock/health`)).ok;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise(resolve => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
