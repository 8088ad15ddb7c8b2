// A loopback port nothing listens on, for specs and benches that start servers. Node-only (node:net).
import {createServer} from 'node:net';

/**
 * A loopback port with nothing listening on it: bound, then released. Another process could take it in between;
 * for tests and benches on one machine that race is acceptable.
 * @returns The port.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(address)));
    });
  });
}
