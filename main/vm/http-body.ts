import { request } from 'node:http';

const MAX_BODY = 1024 * 1024;

/** GET / on 127.0.0.1:port; the body, or null when the workload does not answer HTTP within the deadline. */
export function fetchRoot(port: number, timeoutMs = 5000): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET', timeout: timeoutMs, headers: { connection: 'close' } }, (res) => {
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY) chunks.push(chunk);
      });
      res.once('end', () => resolve(Buffer.concat(chunks)));
      res.once('error', () => resolve(null));
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(null));
    req.end();
  });
}
