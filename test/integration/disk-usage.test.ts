import Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { createServer, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDiskUsage } from '../../main/system/disk-usage';

describe('readDiskUsage (/system/df)', () => {
  it('shares one request between callers in this process', async () => {
    const docker = new Dockerode();
    const [a, b] = await Promise.all([readDiskUsage(docker), readDiskUsage(docker)]);
    expect(a).toBe(b);
    expect(Array.isArray(a.Images)).toBe(true);
  });

  it('waits out a disk-usage run another client started, instead of failing', async () => {
    // An engine front that answers the first two /system/df as dockerd does while another client's df
    // runs, then passes through: the call must succeed, and only through the retry path.
    const dir = await mkdtemp(join(tmpdir(), 'porthole-df-'));
    const socketPath = join(dir, 'engine.sock');
    let dfRequests = 0;
    const server = createServer((req, res) => {
      if (/\/system\/df/.test(req.url ?? '') && ++dfRequests <= 2) {
        res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: 'a disk usage operation is already running' }));
        return;
      }
      const upstream = request({ socketPath: '/var/run/docker.sock', path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((r) => server.listen(socketPath, () => r()));
    try {
      const usage = await readDiskUsage(new Dockerode({ socketPath }));
      expect(Array.isArray(usage.Images)).toBe(true);
      expect(dfRequests).toBe(3);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
      await rm(dir, { recursive: true, force: true });
    }
  });
});
