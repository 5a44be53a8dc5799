import { describe, expect, it } from 'vitest';
import { findCandidates, podmanSocketPath, type SetupProbe } from '../../../main/engine-setup/candidates';
import { installHints } from '../../../main/engine-setup/install-hints';
import { diagnosisLines } from '../../../main/engine-setup/diagnosis';

function probe(over: Partial<SetupProbe> & { programs?: string[]; paths?: string[] }): SetupProbe {
  const programs = new Set(over.programs ?? []);
  const paths = new Set(over.paths ?? []);
  return {
    platform: over.platform ?? 'linux',
    env: over.env ?? {},
    home: over.home ?? '/home/u',
    isRoot: over.isRoot ?? false,
    which: (p) => (programs.has(p) ? `/usr/bin/${p}` : null),
    exists: (p) => paths.has(p),
  };
}

describe('installed engines', () => {
  it('Linux: Podman can be started by Porthole, the system Docker needs admin rights and shows the exact command', () => {
    const found = findCandidates(probe({ programs: ['podman', 'dockerd'], paths: ['/run/systemd/system'], env: { XDG_RUNTIME_DIR: '/run/user/1000' } }));
    expect(found.map((c) => [c.id, c.startBy])).toEqual([
      ['podman-service', 'porthole'],
      ['docker-system', 'admin'],
    ]);
    expect(found[0].command).toBe('podman system service --time=0 unix:///run/user/1000/podman/podman.sock');
    expect(found[1].command).toBe('sudo systemctl start docker');
  });

  it('Linux without systemd running: the service command; rootless Docker only for a non-root user under systemd', () => {
    expect(findCandidates(probe({ programs: ['dockerd'] }))[0].command).toBe('sudo service docker start');
    expect(findCandidates(probe({ programs: ['dockerd-rootless.sh'], paths: ['/run/systemd/system'] })).map((c) => c.id)).toEqual(['docker-rootless']);
    expect(findCandidates(probe({ programs: ['dockerd-rootless.sh'], paths: ['/run/systemd/system'], isRoot: true })).map((c) => c.id)).toEqual([]);
  });

  it("root's Podman socket is the system one that discovery looks at", () => {
    expect(podmanSocketPath({ isRoot: true, env: { XDG_RUNTIME_DIR: '/run/user/0' } })).toBe('/run/podman/podman.sock');
    expect(podmanSocketPath({ isRoot: false, env: {} })).toBe('/run/podman/podman.sock');
  });

  it('macOS: Docker Desktop and OrbStack apps, Colima, a Podman machine', () => {
    const found = findCandidates(
      probe({ platform: 'darwin', programs: ['colima', 'podman'], paths: ['/Applications/Docker.app', '/home/u/Applications/OrbStack.app'] }),
    );
    expect(found.map((c) => `${c.id}: ${c.command}`)).toEqual([
      'docker-desktop: open -a Docker',
      'orbstack: open -a OrbStack',
      'colima: colima start',
      'podman-machine: podman machine start',
    ]);
  });

  it('Windows: Docker Desktop from Program Files and a Podman machine', () => {
    const exe = 'C:\\Program Files\\Docker\\Docker\\Docker Desktop.exe';
    const found = findCandidates(probe({ platform: 'win32', programs: ['podman'], paths: [exe], env: { ProgramFiles: 'C:\\Program Files' } }));
    expect(found.map((c) => c.id)).toEqual(['docker-desktop', 'podman-machine']);
  });

  it('nothing installed: nothing to start, and install hints per OS with the distribution package names', () => {
    expect(findCandidates(probe({}))).toEqual([]);
    expect(installHints('linux').map((h) => h.command)).toEqual([expect.stringContaining('apt install podman'), expect.stringContaining('apt install docker.io')]);
    expect(installHints('darwin').map((h) => h.name)).toEqual(['Docker Desktop', 'OrbStack', 'Colima', 'Podman Desktop']);
    expect(installHints('win32').map((h) => h.name)).toEqual(['Docker Desktop', 'Podman']);
  });

  it('serve prints the diagnosis: what is installed with its command, or what to install', () => {
    const status = { state: 'unavailable' as const, endpoint: '', source: '', reason: 'No Docker Engine socket or address was found.', tried: ['/var/run/docker.sock'], retryInMs: 500 };
    const candidates = findCandidates(probe({ programs: ['podman'], isRoot: true }));
    const lines = diagnosisLines(status, { os: 'linux', candidates, install: installHints('linux'), startOnLaunch: null, runningByPorthole: null });
    expect(lines.join('\n')).toContain('Podman (/usr/bin/podman): podman system service --time=0 unix:///run/podman/podman.sock');
    const none = diagnosisLines(status, { os: 'linux', candidates: [], install: installHints('linux'), startOnLaunch: null, runningByPorthole: null });
    expect(none.join('\n')).toContain('No engine is installed');
  });
});
