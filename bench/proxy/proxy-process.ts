import {spawn} from 'node:child_process';
import {createInterface} from 'node:readline';
import type {LlmProxyLogEntry} from 'llm-rx/proxy';
import type {ProxyKind} from './proxy-kinds';

/** A proxy of the bench running in its own process (`proxy-child.ts`). */
export interface ProxyProcess {
  readonly kind: ProxyKind;
  /** The base URL the OpenAI client is given to call through it. */
  readonly baseURL: string;
  /**
   * The proxy process's CPU time so far (user + system, microseconds), read after a full collection there.
   * @returns The CPU time.
   */
  cpuMicros(): Promise<number>;
  /**
   * The llm-rx proxy's log lines since the last call (none for the plain proxy).
   * @returns The lines.
   */
  takeLog(): Promise<LlmProxyLogEntry[]>;
  /** Stops the process. */
  close(): Promise<void>;
}

const CHILD_SCRIPT = 'bench/proxy/proxy-child.ts';

/**
 * Starts one proxy in a child process with `--expose-gc` in front of the mock server, and waits for its URLs.
 * @param kind `plain` (the hand-written pass-through) or `llm-rx` (`createLlmProxy()` with limits and a memory store).
 * @param mockUrl The mock server's origin.
 * @param timeoutMs How long to wait for it to listen.
 * @returns The running proxy.
 * @throws Error when it exits or does not print its URLs in time.
 */
export async function startProxyProcess(kind: ProxyKind, mockUrl: string, timeoutMs = 30_000): Promise<ProxyProcess> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD_SCRIPT, kind, mockUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  const lines = createInterface({input: child.stdout});
  let timer: NodeJS.Timeout | undefined;
  const first = await Promise.race([
    new Promise<string>(resolve => lines.once('line', resolve)),
    exited.then(() => ''),
    new Promise<string>(resolve => (timer = setTimeout(() => resolve(''), timeoutMs))),
  ]).finally(() => clearTimeout(timer));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  if (!first) {
    await stop();
    throw new Error(`bench: the ${kind} proxy process did not start`);
  }
  const {proxyUrl, controlUrl} = JSON.parse(first) as {proxyUrl: string; controlUrl: string};
  const control = async <T>(route: string): Promise<T> => {
    const response = await fetch(`${controlUrl}${route}`);
    if (!response.ok) throw new Error(`bench: the ${kind} proxy's ${route} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    kind,
    baseURL: proxyUrl,
    cpuMicros: async () => (await control<{cpuMicros: number}>('/cpu')).cpuMicros,
    takeLog: () => control<LlmProxyLogEntry[]>('/log'),
    close: stop,
  };
}
