import { describe, expect, it } from 'vitest';
import { projectNameFor, resolveComposeFiles } from '../../../main/compose/compose-files';
import { interpolateString, interpolationEnv, parseDotEnv } from '../../../main/compose/interpolate';
import { mergeComposeDocuments } from '../../../main/compose/merge';
import { parsePorts } from '../../../main/compose/compose-model';
import { composeArgs } from '../../../main/compose/compose-runner';

const fsWith = (files: string[], dirs: string[] = ['/app']) => ({
  exists: (p: string) => files.includes(p) || dirs.includes(p),
  isDir: (p: string) => dirs.includes(p),
});

describe('resolveComposeFiles', () => {
  it('prefers compose.yaml over the older names and adds its override and the .env', () => {
    const fs = fsWith(['/app/compose.yaml', '/app/docker-compose.yml', '/app/compose.override.yaml', '/app/docker-compose.override.yml', '/app/.env']);
    expect(resolveComposeFiles('/app', fs.exists, fs.isDir)).toEqual({ workingDir: '/app', files: ['/app/compose.yaml', '/app/compose.override.yaml'], envFile: '/app/.env' });
  });
  it('pairs docker-compose.yml with docker-compose.override.yml (either extension)', () => {
    const fs = fsWith(['/app/docker-compose.yml', '/app/docker-compose.override.yaml']);
    expect(resolveComposeFiles('/app', fs.exists, fs.isDir).files).toEqual(['/app/docker-compose.yml', '/app/docker-compose.override.yaml']);
  });
  it('takes a file as given, with its folder as the project folder', () => {
    const fs = fsWith(['/app/stack.yml']);
    expect(resolveComposeFiles('/app/stack.yml', fs.exists, fs.isDir)).toEqual({ workingDir: '/app', files: ['/app/stack.yml'] });
  });
  it('names what it looked for when there is no compose file', () => {
    const fs = fsWith([]);
    expect(() => resolveComposeFiles('/app', fs.exists, fs.isDir)).toThrow(/compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml/);
  });
  it('derives the project name as compose v2 does', () => {
    expect(projectNameFor('/home/me/My App.v2')).toBe('myappv2');
    expect(projectNameFor('/x/_web-1')).toBe('web-1');
  });
});

describe('.env and interpolation', () => {
  it('parses .env lines as compose does', () => {
    expect(parseDotEnv('# c\nA=1\nexport B="two words"\nC=x # note\nD=\'$raw\'\nbad line\n')).toEqual({ A: '1', B: 'two words', C: 'x', D: '$raw' });
  });
  it('lets the process environment win over .env', () => {
    expect(interpolationEnv({ PORT: '1', ONLY: 'env-file' }, { PORT: '2' })).toEqual({ PORT: '2', ONLY: 'env-file' });
  });
  it('interpolates defaults, required values and $$', () => {
    const env = { A: 'a', EMPTY: '' };
    expect(interpolateString('${A}-$A-${B:-dflt}-${EMPTY-keep}-${EMPTY:-fill}-$$A', env)).toBe('a-a-dflt--fill-$A');
    expect(() => interpolateString('${NOPE:?set it}', env)).toThrow(/NOPE/);
  });
});

describe('mergeComposeDocuments (later files win)', () => {
  it('overrides scalars, merges maps and environment by name, appends ports', () => {
    const base = { services: { web: { image: 'web:1', ports: ['8080:80'], environment: ['A=1', 'B=2'], command: ['a', 'b'], depends_on: ['db'] } } };
    const override = { services: { web: { image: 'web:2', ports: ['8443:443', '8080:80'], environment: { B: '3', C: '4' }, command: ['c'], depends_on: { cache: { condition: 'service_healthy' } } }, db: { image: 'db' } } };
    const merged = mergeComposeDocuments([base, override]) as { services: Record<string, Record<string, unknown>> };
    expect(merged.services.web.image).toBe('web:2');
    expect(merged.services.web.ports).toEqual(['8080:80', '8443:443']);
    expect(merged.services.web.environment).toEqual({ A: '1', B: '3', C: '4' });
    expect(merged.services.web.command).toEqual(['c']);
    expect(Object.keys(merged.services.web.depends_on as object)).toEqual(['db', 'cache']);
    expect(merged.services.db).toEqual({ image: 'db' });
  });
  it('applies three files in order', () => {
    const merged = mergeComposeDocuments([{ x: 1, services: {} }, { x: 2 }, { x: 3 }]);
    expect(merged.x).toBe(3);
  });
});

describe('ports and arguments', () => {
  it('reads short and long port syntax', () => {
    expect(parsePorts(['80', '8080:80', '127.0.0.1:9000:90/udp', '7000-7001:70-71', { target: 5, published: '5005', host_ip: '0.0.0.0' }])).toEqual([
      { containerPort: '80', protocol: 'tcp' },
      { containerPort: '80', protocol: 'tcp', hostPort: 8080 },
      { containerPort: '90', protocol: 'udp', hostPort: 9000, hostIp: '127.0.0.1' },
      { containerPort: '70-71', protocol: 'tcp', hostPort: 7000 },
      { containerPort: '70-71', protocol: 'tcp', hostPort: 7001 },
      { containerPort: '5', protocol: 'tcp', hostPort: 5005, hostIp: '0.0.0.0' },
    ]);
  });
  it('puts -p and every -f before the command; volumes only when asked', () => {
    expect(composeArgs('down', 'p1', ['/a/compose.yaml', '/a/compose.override.yaml'], '/a', [], false)).toEqual(['--ansi', 'never', '-p', 'p1', '-f', '/a/compose.yaml', '-f', '/a/compose.override.yaml', '--project-directory', '/a', 'down']);
    expect(composeArgs('down', 'p1', ['/a/c.yaml'], '/a', [], true).slice(-2)).toEqual(['down', '--volumes']);
    expect(composeArgs('stop', 'p1', ['/a/c.yaml'], '/a', ['web'], false).slice(-2)).toEqual(['stop', 'web']);
  });
});
