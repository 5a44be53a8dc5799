import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import type { PortholeCore } from '../../main/core';
import { findFreePort } from '../../main/lib/ports';
import { startCore } from '../support/core';
import { docker, dockerCli, makeContext, testLabels, TEST_LABEL, RUN_ID, busyboxImage } from '../support/engine';
import { uniqueName } from '../support/run-id';
import { invoke } from '../support/api';


/** Containers of this run with a given name, found by our label (never a global count). */
async function mineNamed(name: string): Promise<string[]> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${TEST_LABEL}=${RUN_ID}`], name: [name] } });
  return list.filter((c) => c.Names.includes(`/${name}`)).map((c) => c.Id);
}

async function freePort(): Promise<number> {
  const port = await findFreePort(20_000 + Math.floor(Math.random() * 30_000));
  if (port === null) throw new Error('no free port');
  return port;
}

describe('containers:run through the API (real dockerd)', () => {
  let core: PortholeCore;
  let webImage: string;
  const started: string[] = [];

  beforeAll(async () => {
    core = await startCore();
    webImage = `${uniqueName('web')}:1`;
    const context = await makeContext(
      {
        Dockerfile:
          'FROM scratch\nCOPY busybox /bin/busybox\nCOPY www /www\nEXPOSE 3000\nCMD ["/bin/busybox","httpd","-f","-p","3000","-h","/www"]\n',
        'www/index.html': '<h1>Hello from Porthole</h1>\n',
      },
      { busybox: true },
    );
    await dockerCli('build', '-q', '--label', `${TEST_LABEL}=${RUN_ID}`, '-t', webImage, context);
  });
  afterAll(async () => {
    core?.stop();
    await Promise.all(started.map((id) => docker.getContainer(id).remove({ force: true }).catch(() => {})));
    await docker.getImage(webImage).remove({ force: true }).catch(() => {});
  });

  it('publishes a free host port and serves the page', async () => {
    const port = await freePort();
    const name = uniqueName('httpd');
    const result = await invoke(core, 'containers:run', { image: webImage, name, ports: [{ hostPort: port, containerPort: 3000 }], labels: testLabels() });
    expect(result).toMatchObject({ ok: true, data: { name, urls: [`http://127.0.0.1:${port}`] } });
    if (!result.ok) return;
    const { id } = result.data;
    started.push(id);
    const inspected = await docker.getContainer(id).inspect();
    expect(inspected.State.Running).toBe(true);
    expect(inspected.Config.Labels[TEST_LABEL]).toBe(RUN_ID);

    let body = '';
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        body = await res.text();
        if (res.ok) break;
      } catch {
        // httpd may need a moment to listen
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(body).toContain('Hello from Porthole');
  });

  it('refuses a host port that is taken, names it, proposes a free one, and creates nothing', async () => {
    const blocker: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', () => resolve()));
    try {
      const name = uniqueName('clash');
      const result = await invoke(core, 'containers:run', { image: webImage, name, ports: [{ hostPort: port, containerPort: 3000 }], labels: testLabels() });
      expect(result).toMatchObject({ ok: false, error: { code: 'PORT_IN_USE', message: expect.stringContaining(String(port)) } });
      if (result.ok) return;
      const detail = result.error.detail as { port: number; suggestion: number };
      expect(detail.port).toBe(port);
      expect(detail.suggestion).toBeGreaterThan(port);
      expect(result.error.message).toContain(String(detail.suggestion));
      expect(await mineNamed(name)).toEqual([]);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('a container whose start fails leaves nothing behind', async () => {
    const name = uniqueName('nostart');
    const result = await invoke(core, 'containers:run', { image: busyboxImage(), name, command: ['/no/such/binary'], labels: testLabels() });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/could not start.*no such file/is) } });
    expect(await mineNamed(name)).toEqual([]);
  });

  it('a missing image → NOT_FOUND, and nothing is created', async () => {
    const name = uniqueName('noimage');
    const result = await invoke(core, 'containers:run', { image: `porthole-missing-${RUN_ID}:nope`, name, labels: testLabels() });
    // `missingImage` crosses the router so the Run dialog can offer to pull it.
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('porthole-missing'), detail: { missingImage: `porthole-missing-${RUN_ID}:nope` } } });
    expect(await mineNamed(name)).toEqual([]);
  });

  it('a name already in use → CONFLICT', async () => {
    const name = uniqueName('twice');
    const first = await invoke(core, 'containers:run', { image: busyboxImage(), name, command: ['/bin/busybox', 'sleep', '600'], labels: testLabels() });
    if (!first.ok) throw new Error(first.error.message);
    started.push(first.data.id);
    const second = await invoke(core, 'containers:run', { image: busyboxImage(), name, command: ['/bin/busybox', 'true'], labels: testLabels() });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(name) } });
    expect(await mineNamed(name)).toHaveLength(1);
  });
});
