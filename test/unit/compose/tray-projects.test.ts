import { describe, expect, it } from 'vitest';
import { projectsSection } from '../../../main/tray/projects-section';
import type { ContainerSummary } from '../../../shared/dto';

const c = (id: string, project: string, service: string, state: string, port?: number): ContainerSummary => ({
  id,
  name: `${project}-${service}-1`,
  image: 'img',
  imageId: 'sha',
  command: '',
  createdMs: 0,
  state,
  status: '',
  ports: port ? [{ privatePort: 80, publicPort: port, hostIp: '0.0.0.0', type: 'tcp' }] : [],
  labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': service },
  mounts: [],
});

describe('tray: running projects', () => {
  it('lists each running project once with open, logs and stop', () => {
    const entries = projectsSection([c('a', 'shop', 'web', 'running', 8080), c('b', 'shop', 'db', 'running'), c('c', 'old', 'web', 'exited')]);
    expect(entries.map((e) => (e.kind === 'item' ? e.label : '-'))).toEqual(['Running projects (1)', 'shop  (2/2)']);
    const shop = entries[1];
    if (shop.kind !== 'item') throw new Error('no item');
    expect(shop.submenu?.map((e) => (e.kind === 'item' ? e.action : null))).toEqual([
      { type: 'open-url', url: 'http://127.0.0.1:8080' },
      { type: 'show', view: 'projects', focusId: 'shop' },
      null,
      { type: 'compose', verb: 'stop', project: 'shop' },
    ]);
  });
  it('shows nothing when no project runs', () => {
    expect(projectsSection([c('c', 'old', 'web', 'exited')])).toEqual([]);
  });
});
