import { describe, expect, it } from 'vitest';
import type { EngineEntry } from '../../../shared/api/engines';
import type { EngineStatus } from '../../../shared/dto';
import { DEFAULT_SETTINGS } from '../../../main/settings/store';
import { buildTrayMenu, findMenuItem, type MenuEntry } from '../../../main/tray/menu-model';
import { toMenuTemplate } from '../../../main/shell/tray-template';

const connected: EngineStatus = { state: 'connected', endpoint: 'unix:///var/run/docker.sock', source: 'default', version: '20.10.24', apiVersion: '1.41' };

const engine = (over: Partial<EngineEntry> & { id: string; name: string }): EngineEntry => ({
  kind: 'context',
  endpoint: 'unix:///var/run/docker.sock',
  cliCurrent: false,
  current: false,
  tlsVerifyOff: false,
  status: { state: 'connected', version: '20.10.24', apiVersion: '1.41' },
  ...over,
});

const menuWith = (engines: EngineEntry[]) =>
  buildTrayMenu({ snapshot: { status: connected, containers: [], images: [], engines, busy: [] }, settings: DEFAULT_SETTINGS, openAtLogin: false });
const items = (entries: MenuEntry[] | undefined) => (entries ?? []).flatMap((e) => (e.kind === 'item' ? [e] : []));

describe('tray "Engine" submenu', () => {
  const local = engine({ id: 'socket:/var/run/docker.sock', name: 'default', kind: 'socket', current: true });
  const tls = engine({ id: 'context:build-box', name: 'build-box', endpoint: 'tcp://10.0.0.5:2376', status: { state: 'connected', version: '24.0.7', apiVersion: '1.43' } });
  const gone = engine({
    id: 'context:cloud',
    name: 'cloud',
    endpoint: 'ssh://root@vm',
    status: { state: 'unreachable', code: 'ENGINE_UNAVAILABLE', reason: 'ssh: connect ECONNREFUSED 10.0.0.9:22 — nothing listens there; is sshd running on the remote host and is this the right port?' },
  });

  it('names the engine in use and lists every engine with its status', () => {
    const menu = menuWith([local, tls, gone]);
    const section = findMenuItem(menu, 'engines');
    expect(section?.label).toBe('Engine: default');
    expect(items(section?.submenu).map((i) => i.label)).toEqual([
      'default — Engine 20.10.24',
      'build-box — Engine 24.0.7',
      expect.stringMatching(/^cloud — unreachable: ssh: connect ECONNREFUSED 10\.0\.0\.9:22 .{10,}…$/),
    ]);
  });

  it('marks the current engine as the one radio item checked; the others switch to themselves', () => {
    const sub = items(findMenuItem(menuWith([local, tls, gone]), 'engines')?.submenu);
    expect(sub.every((i) => i.radio && i.enabled)).toBe(true);
    expect(sub.filter((i) => i.checked).map((i) => i.id)).toEqual(['engine:socket:/var/run/docker.sock']);
    expect(sub[0].action).toBeUndefined();
    expect(sub[1].action).toEqual({ type: 'switch-engine', id: 'context:build-box', name: 'build-box' });
    // An unreachable engine can still be picked: switching to it is how the user sees why it fails.
    expect(sub[2].action).toEqual({ type: 'switch-engine', id: 'context:cloud', name: 'cloud' });
  });

  it('becomes a radio group in the native menu', () => {
    const template = toMenuTemplate(findMenuItem(menuWith([local, tls]), 'engines')?.submenu ?? [], () => {});
    expect(template.map((t) => [t.type, t.checked])).toEqual([['radio', true], ['radio', false]]);
  });

  it('is left out until the engine list is known', () => {
    expect(findMenuItem(menuWith([]), 'engines')).toBeUndefined();
  });
});
