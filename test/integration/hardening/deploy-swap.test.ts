import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deployRunParams, type DeployEvent, type DeployResult } from '../../../shared/api/deploy';
import type { PortholeError } from '../../../shared/errors';
import { docker } from '../../support/engine';
import { uniqueName } from '../../support/run-id';
import { pushBusyboxBaseImage } from '../../support/base-images';
import { useDeployService } from '../../support/deploy-service';

/**
 * Defect 4: the redeploy swap. The app counts its starts in its volume and crashes on the start number
 * CRASH_ON (set only for the redeploy): start 1 = first deploy, 2 = the trial (answers), 3 = the new
 * container on the app's port (crashes) — so the restore path runs for real, every time.
 */
const APP_SH = `n=$(/bin/busybox cat /data/count 2>/dev/null || echo 0)
n=$((n+1)); echo $n > /data/count
echo "start $n"
if [ "$n" = "$CRASH_ON" ]; then echo "start $n: crashing on purpose" >&2; exit 3; fi
exec /bin/busybox httpd -f -p "$PORT" -h /www
`;

let base: string;
beforeAll(async () => {
  base = await pushBusyboxBaseImage({ keepLocal: true });
}, 180_000);
const { service, apps, folders } = useDeployService('porthole-swap-');

async function appFolder(version: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'porthole-swap-'));
  folders.push(dir);
  await mkdir(join(dir, 'www'));
  await writeFile(join(dir, 'www', 'index.html'), version);
  await writeFile(join(dir, 'app.sh'), APP_SH);
  return dir;
}

const dockerfile = () => `FROM ${base}\nCOPY app.sh /app.sh\nCOPY www /www\nVOLUME /data\nCMD ["/bin/busybox", "sh", "/app.sh"]\n`;

const runParams = (folder: string, name: string, env: Record<string, string>) =>
  deployRunParams.parse({ folder, name, port: 8080, dockerfile: dockerfile(), dockerignore: null, env, waitTimeoutMs: 30_000 });

async function deploy(folder: string, name: string, env: Record<string, string> = {}): Promise<{ result: DeployResult; events: DeployEvent[] }> {
  if (!apps.includes(name)) apps.push(name);
  const events: DeployEvent[] = [];
  const result = await service.run(runParams(folder, name, env), (e) => events.push(e), new AbortController().signal);
  return { result, events };
}

const names = async (app: string) =>
  (await docker.listContainers({ all: true, filters: { label: [`porthole.app=${app}`] } })).map((c) => [c.Names[0].slice(1), c.State]).sort();
const fetchText = async (url: string) => (await fetch(url)).text();

/** A fresh app deployed at v1 (checked to answer), with v2 already in its folder for the redeploy. */
async function deployedAtV1(prefix: string): Promise<{ name: string; folder: string; first: { result: DeployResult; events: DeployEvent[] } }> {
  const name = uniqueName(prefix);
  const folder = await appFolder('v1');
  const first = await deploy(folder, name);
  expect(await fetchText(first.result.url)).toBe('v1');
  await writeFile(join(folder, 'www', 'index.html'), 'v2');
  return { name, folder, first };
}

describe('redeploy swap (defect 4)', () => {
  it('the new version answers on a spare port first, then takes the app port; the gap is measured and shown', async () => {
    const { name, folder, first } = await deployedAtV1('swap');
    const second = await deploy(folder, name);
    expect(second.result.url).toBe(first.result.url);
    expect(await fetchText(second.result.url)).toBe('v2');
    const logs = second.events.filter((e) => e.kind === 'log').map((e) => (e as { text: string }).text);
    const gap = logs.map((t) => /Swapped in (\d+) ms/.exec(t)).find(Boolean);
    expect(gap, logs.join('\n')).toBeTruthy();
    const trial = second.events.find((e) => e.kind === 'stage' && e.stage === 'wait' && e.state === 'running') as { message: string };
    const trialPort = Number(/:(\d+)$/.exec(trial.message)?.[1]);
    expect(trialPort).toBeGreaterThan(0);
    expect(trialPort).not.toBe(second.result.hostPort);
    expect(await names(name)).toEqual([[name, 'running']]);
    console.log(`swap figures: gap ${gap![1]} ms`);
  }, 240_000);

  it('when the new container fails on the app port, the previous one is restored and serves again (restore path, for real)', async () => {
    const { name, folder, first } = await deployedAtV1('swap-restore');
    const events: DeployEvent[] = [];
    const error = (await service
      .run(runParams(folder, name, { CRASH_ON: '3' }), (e) => events.push(e), new AbortController().signal)
      .then(() => null, (e: unknown) => e)) as PortholeError | null;
    expect(error?.code).toBe('APP_CRASHED');
    expect((error?.detail as { logTail: string[] }).logTail.join('\n')).toContain('start 3: crashing on purpose');
    expect(events.some((e) => e.kind === 'log' && /previous one was restored/.test(e.text))).toBe(true);
    // Restored synchronously by the deploy before it failed: answers now, no retry.
    expect(await fetchText(first.result.url)).toBe('v1');
    expect(await names(name)).toEqual([[name, 'running']]);
  }, 240_000);

  it('leftovers of an interrupted swap are found and settled by the next deploy', async () => {
    const { name, folder, first } = await deployedAtV1('swap-left');
    // As a crash between "rename the old one away" and "the new one takes over" would leave it:
    await docker.getContainer(first.result.containerId).stop({ t: 1 });
    await docker.getContainer(first.result.containerId).rename({ name: `${name}-previous-dinterrupted` });
    const second = await deploy(folder, name);
    const logs = second.events.filter((e) => e.kind === 'log').map((e) => (e as { text: string }).text);
    expect(logs.some((t) => /interrupted mid-swap/.test(t))).toBe(true);
    expect(await fetchText(second.result.url)).toBe('v2');
    expect(await names(name)).toEqual([[name, 'running']]);
  }, 240_000);
});
