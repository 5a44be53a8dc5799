/**
 * The tray's state holder on a real engine: containers started and stopped outside Porthole (docker
 * CLI) show up in the menu model after that one event (no timer, no poll), and the menu's actions
 * act on the engine through the same services as the API.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineEvent } from '../../shared/dto';
import type { PortholeCore } from '../../main/core';
import { TrayState, type TraySnapshot } from '../../main/tray/tray-state';
import { buildTrayMenu, findMenuItem, trayIconState } from '../../main/tray/menu-model';
import { createTrayDispatcher, rememberRuns, type TrayShellPort } from '../../main/tray/actions';
import { trackBusyTasks } from '../../main/tray/busy-tracker';
import { SettingsStore } from '../../main/settings/store';
import { startCore } from '../support/core';
import { busyboxImage, docker, dockerCli, makeContext, runBusybox, testLabels } from '../support/engine';
import { uniqueName } from '../support/run-id';

let core: PortholeCore;
let tray: TrayState;
let settings: SettingsStore;
const names: string[] = [];
const tags: string[] = [];
const errors: string[] = [];
const shellPort: TrayShellPort = {
  showWindow: () => {},
  setOpenAtLogin: () => {},
  openAtLogin: () => false,
  quit: () => {},
  reportError: (title, body) => errors.push(`${title}: ${body}`),
};

/** Resolves with the first state change that satisfies `test` (rejects after `ms`: a guard, not a poll). */
function nextChange(test: (s: TraySnapshot) => boolean, ms = 20_000): Promise<TraySnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      tray.off('change', on);
      reject(new Error('the tray state did not change as expected'));
    }, ms);
    const on = (s: TraySnapshot) => {
      if (!test(s)) return;
      clearTimeout(timer);
      tray.off('change', on);
      resolve(s);
    };
    tray.on('change', on);
  });
}

/** Records the engine events of one container (by name), in order. */
function eventsOf(name: string): { actions: string[]; stop: () => void } {
  const actions: string[] = [];
  const on = (e: EngineEvent) => {
    if (e.type === 'container' && e.attributes.name === name) actions.push(e.action);
  };
  core.connection.on('event', on);
  return { actions, stop: () => core.connection.off('event', on) };
}

const stateOf = (s: TraySnapshot, name: string) => s.containers.find((c) => c.name === name)?.state;
const menuOf = (s: TraySnapshot) => buildTrayMenu({ snapshot: s, settings: settings.get(), openAtLogin: false });

beforeAll(async () => {
  core = await startCore();
  settings = new SettingsStore(mkdtempSync(join(tmpdir(), 'porthole-tray-')));
  tray = new TrayState(core.connection, core.services);
  const loaded = nextChange((s) => s.images.length > 0);
  tray.start();
  await loaded;
});

afterAll(async () => {
  tray?.stop();
  await Promise.all(names.map((n) => docker.getContainer(n).remove({ force: true }).catch(() => {})));
  for (const t of tags) await docker.getImage(t).remove({ force: true }).catch(() => {});
  core?.stop();
});

describe('tray state on the real engine', () => {
  it('a container started with the docker CLI appears, running, after its start event', async () => {
    const name = uniqueName('tray-cli');
    names.push(name);
    const seen = eventsOf(name);
    const running = nextChange((s) => stateOf(s, name) === 'running');
    // Exits at once on SIGTERM (PID 1 ignores it otherwise), so stops take no 10 s grace period.
    const id = await runBusybox(name, ['/bin/busybox', 'sh', '-c', 'trap "exit 0" TERM; /bin/busybox sleep 3600 & wait']);
    const snapshot = await running;
    // Up to date as soon as the start event was handled: no later event of this container was needed.
    expect(seen.actions.at(-1)).toBe('start');
    seen.stop();

    const menu = menuOf(snapshot);
    expect(findMenuItem(menu, `container:${id}`)?.label).toBe(name);
    expect(findMenuItem(menu, `stop:${id}`)?.action).toEqual({ type: 'container', verb: 'stop', id, name });
    expect(trayIconState(snapshot)).toBe('running');
  });

  it('stopping it with the docker CLI moves it to "Stopped" after its die event', async () => {
    const name = names[0];
    const seen = eventsOf(name);
    const stopped = nextChange((s) => stateOf(s, name) === 'exited');
    await dockerCli('stop', '-t', '1', name);
    const snapshot = await stopped;
    expect(seen.actions).toContain('die');
    expect(seen.actions.slice(seen.actions.indexOf('die') + 1).filter((a) => a !== 'stop')).toEqual([]);
    seen.stop();

    const id = snapshot.containers.find((c) => c.name === name)!.id;
    const menu = menuOf(snapshot);
    expect(findMenuItem(menu, `container:${id}`)).toBeUndefined();
    expect(findMenuItem(menu, `start:${id}`)?.action).toEqual({ type: 'container', verb: 'start', id, name });
  });

  it('the menu actions start and stop it through the services, and the model follows', async () => {
    const dispatch = createTrayDispatcher(core.services, settings, shellPort);
    const name = names[0];
    const id = tray.current.containers.find((c) => c.name === name)!.id;

    const running = nextChange((s) => stateOf(s, name) === 'running');
    await dispatch(findMenuItem(menuOf(tray.current), `start:${id}`)!.action!);
    await running;

    const stopped = nextChange((s) => stateOf(s, name) === 'exited');
    await dispatch(findMenuItem(menuOf(tray.current), `stop:${id}`)!.action!);
    await stopped;
    expect(errors).toEqual([]);
  });

  it('"Open in the browser" uses published ports, and the opener refuses ports no container publishes', async () => {
    const name = uniqueName('tray-web');
    names.push(name);
    const running = nextChange((s) => stateOf(s, name) === 'running');
    const id = await runBusybox(name, ['/bin/busybox', 'httpd', '-f', '-p', '80'], ['-p', '127.0.0.1::80']);
    const snapshot = await running;
    const port = snapshot.containers.find((c) => c.id === id)!.ports.find((p) => p.privatePort === 80)!.publicPort!;
    const open = findMenuItem(menuOf(snapshot), `open:${id}:http://127.0.0.1:${port}`);
    expect(open?.action).toEqual({ type: 'open-url', url: `http://127.0.0.1:${port}` });
    // The same check guards the window's link handler: a published port passes (the headless host cannot open it)…
    await expect(core.services.host.openExternal(`http://127.0.0.1:${port}/`)).resolves.toEqual({ opened: false });
    // …an arbitrary loopback port or a foreign host does not.
    await expect(core.services.host.openExternal('http://127.0.0.1:1/')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(core.services.host.openExternal('http://example.com/')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('"Run image" repeats the last run of that image (without its name), remembered from containers:run', async () => {
    const forget = rememberRuns(core.events, settings);
    onTestFinished(forget);
    const first = uniqueName('tray-run');
    names.push(first);
    const marker = { ...testLabels(), 'porthole.test.tray-run': first };
    await core.services.containers.run({ image: busyboxImage(), name: first, command: ['/bin/busybox', 'sleep', '600'], labels: marker, env: ['FROM_TRAY=secret'], ports: [], mounts: [], restartPolicy: 'no' });
    // The settings file keeps the run but never an env value (they are often passwords): names only.
    expect(settings.lastRunFor(busyboxImage())).toMatchObject({ env: [], labels: marker });

    // Other test files run busybox containers at the same time: find ours by the label only this run carried.
    const labelFilter = { label: [`porthole.test.tray-run=${first}`] };
    const before = new Set((await docker.listContainers({ all: true, filters: labelFilter })).map((c) => c.Id));
    const dispatch = createTrayDispatcher(core.services, settings, shellPort);
    await dispatch({ type: 'run-image', image: busyboxImage() });
    const fresh = (await docker.listContainers({ all: true, filters: labelFilter })).filter((c) => !before.has(c.Id));
    const details = await Promise.all(fresh.map((c) => core.services.containers.inspect(c.Id)));
    names.push(...details.map((d) => d.name));
    expect(details, 'the tray started a second container with the remembered settings').toHaveLength(1);
    const detail = details[0];
    expect(detail.name).not.toBe(first);
    expect(detail.env).not.toContain('FROM_TRAY=secret');
    await expect.poll(() => tray.current.containers.some((c) => c.id === detail.id && c.state === 'running')).toBe(true);
    expect(detail.labels).toMatchObject(marker);
    expect(errors).toEqual([]);
  });

  it('shows "busy" while a build stream is open, and clears it when it ends', async () => {
    onTestFinished(trackBusyTasks(core.events, tray));
    const tag = `porthole-test-tray:${uniqueName('b')}`;
    tags.push(tag);
    const context = await makeContext({ Dockerfile: `FROM ${busyboxImage()}\nRUN ["/bin/busybox", "true"]\n` });
    const done = new Promise<string>((resolve) => {
      core.router.subscribe({ connectionId: 'tray-test' }, 'b1', 'images:build', { context, tag, labels: testLabels() }, (m) => {
        if (m.kind !== 'data') resolve(m.kind);
      });
    });
    expect(trayIconState(tray.current)).toBe('busy');
    expect(tray.current.busy.map((b) => b.label)).toEqual(['Building an image…']);
    expect(await done).toBe('end');
    expect(tray.current.busy).toEqual([]);
    expect(trayIconState(tray.current)).toBe('running');
  });
});
