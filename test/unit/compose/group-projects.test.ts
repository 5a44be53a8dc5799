import { describe, expect, it } from 'vitest';
import { groupProjects, healthOf } from '../../../shared/compose/group-projects';
import type { ContainerSummary } from '../../../shared/dto';

const c = (id: string, labels: Record<string, string>, state = 'running', status = 'Up 1 second'): ContainerSummary => ({
  id,
  name: `n-${id}`,
  image: 'img',
  imageId: 'sha',
  command: '',
  createdMs: 0,
  state,
  status,
  ports: [],
  labels,
  mounts: [],
});

const labels = (project: string, service: string, n = '1', extra: Record<string, string> = {}) => ({
  'com.docker.compose.project': project,
  'com.docker.compose.service': service,
  'com.docker.compose.container-number': n,
  'com.docker.compose.project.working_dir': `/src/${project}`,
  'com.docker.compose.project.config_files': `/src/${project}/compose.yaml,/src/${project}/compose.override.yaml`,
  ...extra,
});

describe('groupProjects', () => {
  it('groups containers by project and service, sorted, with replicas in number order', () => {
    const projects = groupProjects([
      c('a', labels('shop', 'web', '2')),
      c('b', labels('shop', 'web', '1')),
      c('c', labels('shop', 'db'), 'exited', 'Exited (0)'),
      c('d', labels('blog', 'app')),
      c('e', {}),
    ]);
    expect(projects.map((p) => p.name)).toEqual(['blog', 'shop']);
    const shop = projects[1];
    expect(shop.services.map((s) => s.name)).toEqual(['db', 'web']);
    expect(shop.services[1].containers.map((x) => x.number)).toEqual([1, 2]);
    expect(shop).toMatchObject({ running: 2, total: 3, state: 'partial', workingDir: '/src/shop' });
    expect(shop.configFiles).toEqual(['/src/shop/compose.yaml', '/src/shop/compose.override.yaml']);
    expect(projects[0].state).toBe('running');
  });

  it('leaves out one-off `compose run` containers and reports health and stopped projects', () => {
    const projects = groupProjects([
      c('a', labels('p', 'web'), 'exited', 'Exited (1)'),
      c('b', labels('p', 'web', '1', { 'com.docker.compose.oneoff': 'True' })),
      c('z', labels('q', 'api'), 'running', 'Up 3 minutes (healthy)'),
    ]);
    expect(projects[0]).toMatchObject({ name: 'p', total: 1, running: 0, state: 'stopped' });
    expect(projects[1].services[0].containers[0].health).toBe('healthy');
    expect(healthOf('Up 2 seconds (health: starting)')).toBe('starting');
    expect(healthOf('Up 2 seconds')).toBeUndefined();
  });
});

describe('config files', () => {
  it('resolves docker-compose v1 relative config files against the working dir', () => {
    const [p] = groupProjects([c('a', { ...labels('v1', 'web'), 'com.docker.compose.project.config_files': 'docker-compose.yml,./docker-compose.override.yml' })]);
    expect(p.configFiles).toEqual(['/src/v1/docker-compose.yml', '/src/v1/docker-compose.override.yml']);
  });
});
