import { describe, expect, it } from 'vitest';
import type { ComposePreview, ComposeServicePreview } from '../../../shared/api/compose';
import { defaultEntry, publishedPort } from '../../../shared/api/deploy-compose';
import { deployStreamSchemas } from '../../../shared/api/deploy';
import { planFromPreview } from '../../../main/compose/compose-deploy-plan';

const service = (name: string, fields: Partial<ComposeServicePreview> = {}): ComposeServicePreview => ({ name, ports: [], volumes: [], envNames: [], dependsOn: [], ...fields });
const published = (hostPort: number, taken = false) => ({ hostPort, containerPort: '8080', protocol: 'tcp', taken });

const preview = (services: ComposeServicePreview[], extra: Partial<ComposePreview> = {}): ComposePreview => ({
  projectName: 'shop',
  workingDir: '/srv/shop',
  files: ['/srv/shop/compose.yaml'],
  services,
  volumes: [],
  networks: [],
  problems: [],
  ...extra,
});

describe('compose deploy plan', () => {
  it('says it deploys with compose up and lists the services as compose reads them', () => {
    const services = [service('db', { image: 'postgres:16', envNames: ['POSTGRES_PASSWORD'] }), service('web', { build: '.', ports: [published(8080)], dependsOn: ['db'] })];
    const plan = planFromPreview('/srv/shop', preview(services, { files: ['/srv/shop/compose.yaml', '/srv/shop/compose.override.yaml'], envFile: '/srv/shop/.env' }));
    expect(plan).toMatchObject({ kind: 'compose', folder: '/srv/shop', name: 'shop', envFile: true, entryService: 'web', entryPort: 8080, services });
    expect(plan.notes).toEqual(['Deploys with compose up: compose.yaml + compose.override.yaml with .env, 2 service(s) as project "shop".', 'compose builds web from the folder; the other images are pulled when missing.']);
  });

  it('takes the first service publishing a host port as the entry point', () => {
    const services = [service('worker'), service('api', { ports: [{ containerPort: '9000', protocol: 'tcp', taken: false }] }), service('admin', { ports: [published(9001)] }), service('web', { ports: [published(8080)] })];
    expect(defaultEntry(services)?.name).toBe('admin');
    expect(publishedPort(services[3])).toBe(8080);
    expect(publishedPort(services[1])).toBeNull();
  });

  it('has no entry point when nothing publishes a port, and says so', () => {
    const plan = planFromPreview('/srv/shop', preview([service('worker', { image: 'busybox' })]));
    expect(plan).toMatchObject({ entryService: null, entryPort: null });
    expect(plan.notes.at(-1)).toMatch(/No service publishes a host port/);
  });

  it('names a taken host port in the plan before anything starts', () => {
    const plan = planFromPreview('/srv/shop', preview([service('web', { image: 'nginx', ports: [published(80, true)] })]));
    expect(plan.notes).toContain('Host port 80 (web) is already in use on this computer: free it or change the compose file, else nothing starts.');
  });

  it('carries the file problems with their place', () => {
    const problems = [{ file: '/srv/shop/compose.yaml', line: 4, column: 5, path: 'services.web', message: '"prots" is not allowed' }];
    expect(planFromPreview('/srv/shop', preview([], { problems })).problems).toEqual(problems);
  });
});

describe('deploy:run params', () => {
  const schema = deployStreamSchemas['deploy:run'];
  it('takes a compose deploy with defaults for the answer check', () => {
    expect(schema.parse({ kind: 'compose', folder: '/srv/shop', project: 'shop', entryService: 'web' })).toEqual({ kind: 'compose', folder: '/srv/shop', project: 'shop', entryService: 'web', probe: 'http', waitTimeoutMs: 60_000 });
  });
  it('still takes a one-container deploy without a kind', () => {
    expect(schema.parse({ folder: '/srv/app', name: 'app', port: 3000, dockerfile: 'FROM x' })).toMatchObject({ name: 'app', port: 3000 });
  });
  it('refuses a bad project or service name and unknown fields', () => {
    expect(schema.safeParse({ kind: 'compose', folder: '/srv/shop', project: 'Shop!' }).success).toBe(false);
    expect(schema.safeParse({ kind: 'compose', folder: '/srv/shop', project: 'shop', entryService: 'a b' }).success).toBe(false);
    expect(schema.safeParse({ kind: 'compose', folder: '/srv/shop', project: 'shop', files: ['/etc/passwd'] }).success).toBe(false);
  });
});
