import {type ChildProcess, spawn} from 'node:child_process';
import {freeLoopbackPort} from '@llm-rx/spec-support/node';

/** The mock provider server, running in a child process. */
export interface MockServerProcess {
  /** The server's base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Stops the child process. */
  close(): Promise<void>;
}

/**
 * Starts `projects/mock-providers` in another process, so that the server's own CPU time never counts against
 * the consumers measured in this one.
 * @param timeoutMs How long to wait for the server's health route.
 * @returns The running server.
 */
export async function startMockServerProcess(timeoutMs = 30_000): Promise<MockServerProcess> {
  const port = await freeLoopbackPort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'projects/mock-providers/src/main.ts', '--port', String(port), '--host', '127.0.0.1'],
    {stdio: ['ignore', 'ignore', 'inherit']},
  );
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
  await fetch(`${url}/__mock/requests`, {method: 'DELETE'});
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
