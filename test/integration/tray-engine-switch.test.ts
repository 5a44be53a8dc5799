import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortholeCore } from '../../main/core';
import { discoverEngine, realDiscoveryEnv } from '../../main/engine/discovery';
import { ContextsStore } from '../../main/engines/contexts-store';
import { SettingsStore } from '../../main/settings/store';
import { createTrayDispatcher, type TrayShellPort } from '../../main/tray/actions';
import { buildTrayMenu, findMenuItem } from '../../main/tray/menu-model';
import { TrayState, type TraySnapshot } from '../../main/tray/tray-state';
import { startCore } from '../support/core';
import { uniqueName } from '../support/run-id';

/** Clicking another engine in the tray's "Engine" submenu moves the whole core, as the sidebar's switcher does. */
describe('tray engine switcher on the real engine', () => {
  let dir: string;
  let core: PortholeCore;
  let tray: TrayState;
  let settings: SettingsStore;
  const errors: string[] = [];
  const shell: TrayShellPort = { showWindow: () => {}, setOpenAtLogin: () => {}, openAtLogin: () => false, quit: () => {}, reportError: (t, b) => errors.push(`${t}: ${b}`) };
  // A second name for the shared engine (a context of this test's own CLI config): a real switch that changes nothing on the engine.
  const alias = uniqueName('tray-alias');

  const menu = (s: TraySnapshot) => buildTrayMenu({ snapshot: s, settings: settings.get(), openAtLogin: false });
  const until = (pred: (s: TraySnapshot) => boolean) =>
    pred(tray.current)
      ? Promise.resolve(tray.current)
      : new Promise<TraySnapshot>((resolve) => {
          const on = (s: TraySnapshot) => {
            if (!pred(s)) return;
            tray.off('change', on);
            resolve(s);
          };
          tray.on('change', on);
        });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'porthole-tray-engines-'));
    const contexts = new ContextsStore(join(dir, 'docker-config'));
    // Its own path, so the catalog keeps both entries (a socket a context already names is listed once).
    await symlink('/var/run/docker.sock', join(dir, 'docker.sock'));
    await contexts.create({ name: alias, description: '', host: `unix://${join(dir, 'docker.sock')}`, skipTlsVerify: false });
    const local = realDiscoveryEnv();
    core = await startCore({
      discover: () => discoverEngine({ ...local, env: { ...local.env, DOCKER_HOST: 'unix:///var/run/docker.sock' } }),
      engines: { contexts, settingsFile: null },
    });
    settings = new SettingsStore(join(dir, 'data'));
    tray = new TrayState(core.connection, core.services);
    tray.start();
  }, 60_000);

  afterAll(async () => {
    tray?.stop();
    core?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists the engines with their status and switches when an item is clicked', async () => {
    const before = await until((s) => s.engines.some((e) => e.id === `context:${alias}`) && s.engines.some((e) => e.current));
    const section = findMenuItem(menu(before), 'engines');
    expect(section?.label).toMatch(/^Engine: /);
    const target = findMenuItem(menu(before), `engine:context:${alias}`);
    expect(target).toMatchObject({ label: expect.stringMatching(new RegExp(`^${alias} — Engine \\d+\\.`)), radio: true, checked: false });

    await createTrayDispatcher(core.services, settings, shell)(target!.action!);

    expect(errors).toEqual([]);
    expect(core.services.engines.currentId()).toBe(`context:${alias}`);
    expect(core.connection.status.state).toBe('connected');
    const after = await until((s) => s.engines.find((e) => e.current)?.id === `context:${alias}`);
    expect(findMenuItem(menu(after), 'engines')?.label).toBe(`Engine: ${alias}`);
    expect(findMenuItem(menu(after), `engine:context:${alias}`)).toMatchObject({ checked: true, action: undefined });
  }, 60_000);
});
