import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startServedHost, stopServedHost, type ServedHost } from '../support/served-host';

/**
 * First run with no engine answering, for real: `porthole serve` runs in a private mount namespace where
 * the Docker and Podman sockets are hidden, with Debian's Podman installed.
 */
const HIDE = join(process.cwd(), 'test/support/hidden-engines.sh');
const hasPodman = existsSync('/usr/bin/podman');
const canUnshare = (() => {
  try {
    execFileSync('unshare', ['-m', '--propagation', 'private', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** `innerPath`: the PATH Porthole itself sees (the namespace set-up still needs mount and mkdir). */
function serveHidden(env: NodeJS.ProcessEnv, innerPath = env.PATH ?? ''): Promise<ServedHost> {
  const save = mkdtempSync(join(tmpdir(), 'porthole-hostrun-'));
  return startServedHost(env, 'porthole-first-run-', ['unshare', '-m', '--propagation', 'private', HIDE, save, '/usr/bin/env', `PATH=${innerPath}`]);
}

function childrenOf(pid: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).trim();
  return out ? out.split(/\s+/).map(Number) : [];
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));

/** No DOCKER_HOST, context or runtime dir: discovery must find nothing but what the namespace shows. */
const baseEnv = (): NodeJS.ProcessEnv => ({ DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined, XDG_RUNTIME_DIR: undefined });

test.describe('first run with no engine answering', () => {
  test.skip(!canUnshare, 'needs root to make a private mount namespace (unshare -m)');

  test('Podman installed, not running: one click starts its API, the page turns to Podman, quitting stops only that service', async ({ page }) => {
    test.skip(!hasPodman, 'Podman is not installed (scripts/engine.sh installs Debian podman)');
    // A Podman service the user started themselves, elsewhere: quitting Porthole must leave it alone.
    const userSocket = join(mkdtempSync(join(tmpdir(), 'porthole-user-podman-')), 'podman.sock');
    const users = spawn('podman', ['system', 'service', '--time=0', `unix://${userSocket}`], { stdio: 'ignore', detached: true });
    const served = await serveHidden(baseEnv(), process.env.PATH);
    try {
      expect(served.printed).toContain('Installed but not running');
      await page.goto(served.url);
      await expect(page.getByTestId('engine-unavailable')).toBeVisible();
      const podman = page.getByTestId('engine-candidate-podman-service');
      await expect(podman).toContainText('podman system service');
      await podman.getByRole('button', { name: 'Start Podman' }).click();

      const version = execFileSync('podman', ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8' }).trim();
      await expect(page.getByTestId('engine-version')).toHaveText(version, { timeout: 45_000 });

      const started = childrenOf(served.process.pid!);
      expect(started.length).toBeGreaterThan(0);
      const cmdlines = started.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
      expect(cmdlines.join('\n')).toContain('system service --time=0 unix:///run/podman/podman.sock');

      await stopServedHost(served);
      await expect.poll(() => started.filter(alive).length, { timeout: 10_000 }).toBe(0);
      expect(alive(users.pid!)).toBe(true);
    } finally {
      await stopServedHost(served);
      if (users.pid) process.kill(-users.pid, 'SIGTERM');
      rmSync(userSocket, { force: true });
    }
  });

  test('no engine binaries visible: install guidance for Linux and no button that cannot work', async ({ page }) => {
    const served = await serveHidden(baseEnv(), '/nonexistent');
    try {
      expect(served.printed).toContain('No engine is installed');
      await page.goto(served.url);
      const install = page.getByTestId('engine-install');
      await expect(install).toContainText('apt install podman');
      await expect(install).toContainText('apt install docker.io');
      await expect(page.getByTestId('engine-candidates')).toHaveCount(0);
      await expect(page.getByRole('button', { name: /^Start / })).toHaveCount(0);
    } finally {
      await stopServedHost(served);
    }
  });
});
