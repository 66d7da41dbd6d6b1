/** Finding a port on 127.0.0.1 for local servers (the CMS command and its browser test). */
import { createServer } from 'node:net';

/** `preferred`, or the next port after it that nothing listens on. */
export async function freePort(preferred: number, host = '127.0.0.1'): Promise<number> {
  for (let port = preferred; port < preferred + 50; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .once('listening', () => probe.close(() => resolve(true)))
        .listen(port, host);
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${preferred} to ${preferred + 49}`);
}
