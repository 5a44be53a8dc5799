import { describe, expect, it } from 'vitest';
import type { ContainerSummary, EngineStatus, ImageSummary } from '../../../shared/dto';
import { DEFAULT_SETTINGS, type Settings } from '../../../main/settings/store';
import { buildTrayMenu, findMenuItem, MENU_LIMITS, publishedUrls, trayIconState, trayTooltip, type MenuEntry, type MenuInput } from '../../../main/tray/menu-model';
import type { TraySnapshot } from '../../../main/tray/tray-state';

const connected: EngineStatus = { state: 'connected', endpoint: 'unix:///var/run/docker.sock', source: 'default', version: '20.10.24', apiVersion: '1.41' };
const unavailable: EngineStatus = { state: 'unavailable', endpoint: '', source: '', reason: 'connect ENOENT /var/run/docker.sock.', tried: ['/var/run/docker.sock'], retryInMs: 4000 };

const container = (over: Partial<ContainerSummary> & { id: string }): ContainerSummary => ({
  name: over.id,
  image: 'web:1',
  imageId: 'sha256:1',
  command: 'httpd',
  createdMs: 1000,
  state: 'running',
  status: 'Up 2 minutes',
  ports: [],
  labels: {},
  mounts: [],
  ...over,
});
const image = (tags: string[], createdMs: number): ImageSummary => ({ id: `sha256:${tags[0] ?? createdMs}`, tags, digests: [], sizeBytes: 1, createdMs, containers: 0, labels: {} });

const input = (snapshot: Partial<TraySnapshot>, settings: Settings = DEFAULT_SETTINGS, openAtLogin = false): MenuInput => ({
  snapshot: { status: connected, containers: [], images: [], engines: [], busy: [], ...snapshot },
  settings,
  openAtLogin,
});
const labels = (entries: MenuEntry[] | undefined) => (entries ?? []).map((e) => (e.kind === 'separator' ? '---' : e.label));
const must = (entries: MenuEntry[], id: string) => {
  const found = findMenuItem(entries, id);
  if (!found) throw new Error(`no item ${id}; have ${JSON.stringify(labels(entries))}`);
  return found;
};

describe('tray menu model', () => {
  it('shows the engine status and version first', () => {
    const menu = buildTrayMenu(input({}));
    expect(must(menu, 'engine-status')).toMatchObject({ label: 'Docker Engine 20.10.24 is running', enabled: false });
  });

  it('gives each running container a submenu: open each published port, logs, restart, stop', () => {
    const web = container({ id: 'abc', name: 'web', ports: [{ privatePort: 80, publicPort: 8080, hostIp: '0.0.0.0', type: 'tcp' }, { privatePort: 80, publicPort: 8080, hostIp: '::', type: 'tcp' }, { privatePort: 53, publicPort: 5353, hostIp: '0.0.0.0', type: 'udp' }] });
    const menu = buildTrayMenu(input({ containers: [web] }));
    expect(must(menu, 'running-header').label).toBe('Running containers (1)');
    const sub = must(menu, 'container:abc').submenu!;
    expect(labels(sub)).toEqual(['web:1 — Up 2 minutes', 'Open 127.0.0.1:8080 in the browser', 'Show logs', 'Open terminal', '---', 'Restart', 'Stop']);
    expect(must(sub, 'open:abc:http://127.0.0.1:8080').action).toEqual({ type: 'open-url', url: 'http://127.0.0.1:8080' });
    expect(must(sub, 'logs:abc').action).toEqual({ type: 'show', view: 'containers', focusId: 'abc' });
    expect(must(sub, 'terminal:abc').action).toEqual({ type: 'show', view: 'containers', focusId: 'abc/terminal' });
    expect(must(sub, 'restart:abc').action).toEqual({ type: 'container', verb: 'restart', id: 'abc', name: 'web' });
    expect(must(sub, 'stop:abc').action).toEqual({ type: 'container', verb: 'stop', id: 'abc', name: 'web' });
  });

  it('says so when a running container publishes no port', () => {
    const sub = must(buildTrayMenu(input({ containers: [container({ id: 'q', name: 'quiet' })] })), 'container:q').submenu!;
    expect(must(sub, 'no-ports:q')).toMatchObject({ label: 'Publishes no ports', enabled: false });
  });

  it('lists stopped containers newest first under "Stopped", each starting it again', () => {
    const old = container({ id: 'old', name: 'old', state: 'exited', createdMs: 1 });
    const recent = container({ id: 'new', name: 'new', state: 'exited', createdMs: 2 });
    const menu = buildTrayMenu(input({ containers: [old, recent] }));
    const stopped = must(menu, 'stopped');
    expect(stopped.label).toBe('Stopped (2)');
    expect(labels(stopped.submenu)).toEqual(['Start again', 'new', 'old']);
    expect(must(menu, 'start:new').action).toEqual({ type: 'container', verb: 'start', id: 'new', name: 'new' });
    expect(must(menu, 'running-header').label).toBe('No containers are running');
  });

  it('caps long lists and adds "More…" that opens the dashboard', () => {
    const many = Array.from({ length: MENU_LIMITS.running + 5 }, (_, i) => container({ id: `c${String(i).padStart(2, '0')}`, name: `c${String(i).padStart(2, '0')}` }));
    const menu = buildTrayMenu(input({ containers: many }));
    const shown = menu.filter((e) => e.kind === 'item' && e.id.startsWith('container:'));
    expect(shown).toHaveLength(MENU_LIMITS.running);
    expect(must(menu, 'running-more')).toMatchObject({ label: 'More… (5 more in the dashboard)', action: { type: 'show', view: 'containers' } });
  });

  it('offers recent images, the ones run from Porthole first, each running with its last settings', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      lastRun: { 'api:2': { input: { image: 'api:2', ports: [], env: ['A=1'], mounts: [], restartPolicy: 'no' }, usedAtMs: 50 } },
    };
    const images = [image(['newest:1'], 300), image(['api:2'], 100), image([], 400), image(['<none>:<none>'], 500)];
    const sub = must(buildTrayMenu(input({ images }, settings)), 'images').submenu!;
    expect(labels(sub)).toEqual(['Start a new container from', 'api:2  (last settings)', 'newest:1']);
    expect(must(sub, 'run:api:2').action).toEqual({ type: 'run-image', image: 'api:2' });
  });

  it('has deploy, dashboard, settings (with start at login) and quit', () => {
    const menu = buildTrayMenu(input({}, { ...DEFAULT_SETTINGS, notifications: { containerExit: false, deploy: true, engine: true } }, true));
    expect(must(menu, 'deploy').action).toEqual({ type: 'show', view: 'deploy' });
    expect(must(menu, 'dashboard').action).toEqual({ type: 'show', view: 'overview' });
    expect(must(menu, 'login')).toMatchObject({ checked: true, action: { type: 'toggle-login' } });
    expect(must(menu, 'keep-in-tray')).toMatchObject({ checked: true, action: { type: 'toggle-setting', key: 'keepRunningInTray' } });
    expect(must(menu, 'notify-exit')).toMatchObject({ checked: false, action: { type: 'toggle-setting', key: 'notifications.containerExit' } });
    expect(menu.at(-1)).toMatchObject({ id: 'quit', action: { type: 'quit' } });
  });

  it('when the engine is not reachable: says why and when it retries, and hides container actions', () => {
    const menu = buildTrayMenu(input({ status: unavailable, containers: [container({ id: 'x' })] }));
    expect(must(menu, 'engine-status').label).toBe('Docker Engine is not reachable');
    expect(must(menu, 'engine-reason').label).toBe('connect ENOENT /var/run/docker.sock. Retrying in 4 s.');
    expect(findMenuItem(menu, 'container:x')).toBeUndefined();
    expect(findMenuItem(menu, 'images')).toBeUndefined();
    expect(findMenuItem(menu, 'dashboard')).toBeDefined();
  });

  it('item ids are unique, so a test hook can trigger any item by id', () => {
    const menu = buildTrayMenu(input({ containers: [container({ id: 'a' }), container({ id: 'b', state: 'exited' })], images: [image(['x:1'], 1)] }));
    const ids: string[] = [];
    const walk = (entries: MenuEntry[]) => entries.forEach((e) => e.kind === 'item' && (ids.push(e.id), e.submenu && walk(e.submenu)));
    walk(menu);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('tray icon state', () => {
  it('is running, busy while work is open, and unreachable otherwise', () => {
    expect(trayIconState({ status: connected, busy: [] })).toBe('running');
    expect(trayIconState({ status: connected, busy: [{ id: '1', label: 'Building an image…' }] })).toBe('busy');
    expect(trayIconState({ status: unavailable, busy: [{ id: '1', label: 'x' }] })).toBe('unreachable');
    expect(trayIconState({ status: { state: 'connecting', endpoint: '', source: '' }, busy: [] })).toBe('unreachable');
    expect(trayTooltip({ status: connected, busy: [{ id: '1', label: 'Building an image…' }] })).toBe('Porthole — Building an image…');
  });
});

describe('publishedUrls', () => {
  it('keeps loopback-reachable TCP ports, once each', () => {
    const c = container({
      id: 'p',
      ports: [
        { privatePort: 80, publicPort: 8080, hostIp: '127.0.0.1', type: 'tcp' },
        { privatePort: 80, publicPort: 8081, hostIp: '::1', type: 'tcp' },
        { privatePort: 80, publicPort: 8082, hostIp: '10.0.0.5', type: 'tcp' },
        { privatePort: 443, type: 'tcp' },
      ],
    });
    expect(publishedUrls(c)).toEqual(['http://127.0.0.1:8080', 'http://[::1]:8081']);
  });
});
