// A real redis-server on a free loopback port, for the specs of the Redis-backed proxy store. Node-only.
import {spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {connect} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {freeLoopbackPort} from './free-loopback-port';

/** A running redis-server. */
export interface RunningRedisServer {
  /** `redis://127.0.0.1:<port>`, for `createClient({url})`. */
  readonly url: string;
  readonly port: number;
  /** Kills the server and removes its directory. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 10_000;

/**
 * Starts Debian's `redis-server` on a free loopback port, with nothing persisted (`--save '' --appendonly no`) and
 * its own temporary `--dir`, and resolves once it answers `PING`.
 * @returns The server's URL, its port, and `stop()`.
 * @throws {Error} When `redis-server` is not installed (install it with `apt-get install -y redis-server`), or it
 * does not answer within 10 s.
 */
export async function startRedisServer(): Promise<RunningRedisServer> {
  const port = await freeLoopbackPort();
  const dir = await mkdtemp(join(tmpdir(), 'llm-rx-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  const child = spawn('redis-server', [...args, '--daemonize', 'no', '--loglevel', 'warning'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('redis-server is not installed: run `apt-get install -y redis-server` (Debian).', {cause: error})
          : error,
      ),
    );
    void exited.then(() => reject(new Error(`redis-server exited before answering PING: ${stderr.trim()}`)));
  });
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, {recursive: true, force: true});
  };
  try {
    await Promise.race([untilPong(port), failed]);
  } catch (error) {
    await stop();
    throw error;
  }
  failed.catch(() => undefined);
  return {url: `redis://127.0.0.1:${port}`, port, stop};
}

/** Resolves once the server on the port answers `PING` with `PONG`, retrying every 20 ms for 10 s. */
async function untilPong(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await pings(port))) {
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING within 10 s.`);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

function pings(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', data => {
      reply += data.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
  });
}
