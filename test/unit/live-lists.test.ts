import { describe, expect, it } from 'vitest';
import { actionOf, listsTouchedBy, touches, type LiveListKey } from '../../shared/live-lists';

/**
 * `Type | Action` as the engines sent them through `/events` for one container's life, recorded from
 * dockerd 20.10.24 and Podman 4.3's Docker-compatible API; the health_status lines are the documented
 * shapes (dockerd appends the status, Podman keeps it in an attribute), since a FROM-scratch image here
 * runs no health check under Podman.
 */
const DOCKERD = [
  'volume|create',
  'network|create',
  'container|create',
  'volume|mount',
  'container|start',
  'container|exec_create: /bin/busybox true',
  'container|exec_start: /bin/busybox true',
  'container|exec_die',
  'container|health_status: healthy',
  'network|connect',
  'network|disconnect',
  'container|pause',
  'container|unpause',
  'container|rename',
  'container|kill',
  'container|die',
  'volume|unmount',
  'container|stop',
  'container|destroy',
  'image|tag',
  'image|untag',
  'image|delete',
  'volume|destroy',
  'network|destroy',
];
const PODMAN = [
  'volume|create',
  'image|pull',
  'container|create',
  'container|init',
  'container|start',
  'container|exec',
  'container|exec_died',
  'container|health_status',
  'network|connect',
  'network|disconnect',
  'container|pause',
  'container|unpause',
  'container|rename',
  'container|die',
  'container|cleanup',
  'container|remove',
  'image|tag',
  'image|untag',
  'image|delete',
  'volume|remove',
];

const parse = (line: string) => {
  const [type, action] = line.split('|');
  return { type, action };
};
const touching = (key: LiveListKey, lines: string[]) => lines.filter((line) => touches(key, parse(line))).map((line) => actionOf(parse(line)));

describe('which engine events change which list', () => {
  it('reads an action without its detail', () => {
    expect(actionOf({ action: 'exec_start: /bin/sh -c true' })).toBe('exec_start');
    expect(actionOf({ action: 'health_status: unhealthy' })).toBe('health_status');
    expect(actionOf({ action: 'die' })).toBe('die');
  });

  it('re-lists containers on every change a row shows, never on exec, on either engine', () => {
    expect(touching('containers', DOCKERD)).toEqual(['create', 'start', 'health_status', 'pause', 'unpause', 'rename', 'kill', 'die', 'stop', 'destroy']);
    expect(touching('containers', PODMAN)).toEqual(['create', 'init', 'start', 'health_status', 'pause', 'unpause', 'rename', 'die', 'cleanup', 'remove']);
  });

  it('re-lists images on tag changes and on containers coming and going (the "used by" count)', () => {
    expect(touching('images', DOCKERD)).toEqual(['create', 'destroy', 'tag', 'untag', 'delete']);
    expect(touching('images', PODMAN)).toEqual(['pull', 'create', 'remove', 'tag', 'untag', 'delete']);
    expect(touches('images', { type: 'image', action: 'push' })).toBe(false);
    expect(touches('images', { type: 'image', action: 'save' })).toBe(false);
  });

  it("re-asks the Overview's counts when a container is made, runs, stops, pauses or goes, or an image changes", () => {
    expect(touching('engineInfo', DOCKERD)).toEqual(['create', 'start', 'pause', 'unpause', 'die', 'destroy', 'tag', 'untag', 'delete']);
    expect(touching('engineInfo', PODMAN)).toEqual(['pull', 'create', 'start', 'pause', 'unpause', 'die', 'remove', 'tag', 'untag', 'delete']);
  });

  it('re-lists volumes and networks on their own events and on container changes (their "used by" rows)', () => {
    const volumeEvents = (lines: string[]) => lines.filter((l) => l.startsWith('volume|') && touches('volumes', parse(l)));
    expect(volumeEvents(DOCKERD)).toEqual(['volume|create', 'volume|mount', 'volume|unmount', 'volume|destroy']);
    expect(volumeEvents(PODMAN)).toEqual(['volume|create', 'volume|remove']);
    expect(touches('networks', parse('network|connect'))).toBe(true);
    expect(touches('networks', parse('container|die'))).toBe(true);
    expect(touches('networks', parse('container|exec_start: sh'))).toBe(false);
    expect(touches('volumes', parse('network|connect'))).toBe(false);
  });

  it('follows swarm services on service, node and task-container events, and nodes on node events only', () => {
    expect(listsTouchedBy(parse('service|update'))).toEqual(['swarmServices']);
    expect(listsTouchedBy(parse('node|update'))).toEqual(['swarmServices', 'swarmNodes']);
    expect(listsTouchedBy(parse('container|start'))).toEqual(['containers', 'engineInfo', 'volumes', 'networks', 'swarmServices']);
    expect(listsTouchedBy(parse('container|exec_die'))).toEqual([]);
    expect(listsTouchedBy(parse('plugin|enable'))).toEqual([]);
  });
});
