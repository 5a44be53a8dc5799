import { accessSync, constants, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { EngineCandidate } from '../../shared/api/engine-setup';

/** What detection may look at; injectable so every OS's rules are unit-tested on any OS. */
export interface SetupProbe {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  isRoot: boolean;
  /** The program's full path on PATH, or null. */
  which(program: string): string | null;
  exists(path: string): boolean;
}

export function realSetupProbe(): SetupProbe {
  const env = process.env;
  const platform = process.platform;
  return {
    platform,
    env,
    home: homedir(),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    which: (program) => findOnPath(program, env.PATH ?? '', platform),
    exists: existsSync,
  };
}

function findOnPath(program: string, path: string, platform: NodeJS.Platform): string | null {
  const names = platform === 'win32' ? [`${program}.exe`, `${program}.cmd`, program] : [program];
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const full = join(dir, name);
      try {
        accessSync(full, constants.X_OK);
        return full;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Where Podman's API service listens when Porthole starts it: the socket discovery already looks at. */
export function podmanSocketPath(probe: Pick<SetupProbe, 'isRoot' | 'env'>): string {
  if (probe.isRoot || !probe.env.XDG_RUNTIME_DIR) return '/run/podman/podman.sock';
  return join(probe.env.XDG_RUNTIME_DIR, 'podman', 'podman.sock');
}

function linuxCandidates(p: SetupProbe): EngineCandidate[] {
  const list: EngineCandidate[] = [];
  const podman = p.which('podman');
  if (podman) {
    const socket = podmanSocketPath(p);
    list.push({
      id: 'podman-service',
      name: 'Podman',
      found: podman,
      startBy: 'porthole',
      command: `podman system service --time=0 unix://${socket}`,
      startDescription: `Starts Podman's Docker-compatible API on ${socket} with your own rights. It runs while Porthole runs and stops when you quit Porthole.`,
    });
  }
  const rootless = p.which('dockerd-rootless.sh');
  if (rootless && !p.isRoot && p.exists('/run/systemd/system')) {
    list.push({
      id: 'docker-rootless',
      name: 'Docker Engine (rootless)',
      found: rootless,
      startBy: 'porthole',
      command: 'systemctl --user start docker',
      startDescription: 'Starts your rootless Docker service (your user unit). It keeps running after Porthole quits, as it would if you started it yourself.',
    });
  }
  const dockerd = p.which('dockerd');
  if (dockerd) {
    // systemctl is often installed where systemd is not running (containers, WSL): ask systemd itself.
    const command = p.exists('/run/systemd/system') ? 'sudo systemctl start docker' : 'sudo service docker start';
    list.push({
      id: 'docker-system',
      name: 'Docker Engine',
      found: dockerd,
      startBy: 'admin',
      command,
      startDescription: 'The system Docker service needs administrator rights to start. Run the command in a terminal; Porthole connects as soon as the engine answers.',
    });
  }
  const colima = p.which('colima');
  if (colima) list.push(colimaCandidate(colima));
  return list;
}

function colimaCandidate(found: string): EngineCandidate {
  return {
    id: 'colima',
    name: 'Colima',
    found,
    startBy: 'porthole',
    command: 'colima start',
    startDescription: 'Starts the Colima virtual machine and its Docker Engine (the first start downloads and boots a VM and can take a few minutes).',
  };
}

function podmanMachineCandidate(found: string): EngineCandidate {
  return {
    id: 'podman-machine',
    name: 'Podman machine',
    found,
    startBy: 'porthole',
    command: 'podman machine start',
    startDescription: 'Starts the Podman virtual machine that runs your containers. It keeps running after Porthole quits.',
  };
}

function darwinCandidates(p: SetupProbe): EngineCandidate[] {
  const list: EngineCandidate[] = [];
  const apps: [string, string, string][] = [
    ['docker-desktop', 'Docker Desktop', 'Docker'],
    ['orbstack', 'OrbStack', 'OrbStack'],
  ];
  for (const [id, name, app] of apps) {
    const path = [`/Applications/${app}.app`, join(p.home, 'Applications', `${app}.app`)].find((x) => p.exists(x));
    if (path) {
      list.push({ id, name, found: path, startBy: 'porthole', command: `open -a ${app}`, startDescription: `Opens ${name}, which starts its engine.` });
    }
  }
  const colima = p.which('colima');
  if (colima) list.push(colimaCandidate(colima));
  const podman = p.which('podman');
  if (podman) list.push(podmanMachineCandidate(podman));
  return list;
}

function windowsCandidates(p: SetupProbe): EngineCandidate[] {
  const list: EngineCandidate[] = [];
  const programFiles = p.env.ProgramFiles ?? 'C:\\Program Files';
  const desktop = `${programFiles}\\Docker\\Docker\\Docker Desktop.exe`;
  if (p.exists(desktop)) {
    list.push({ id: 'docker-desktop', name: 'Docker Desktop', found: desktop, startBy: 'porthole', command: `"${desktop}"`, startDescription: 'Opens Docker Desktop, which starts its engine.' });
  }
  const podman = p.which('podman');
  if (podman) list.push(podmanMachineCandidate(podman));
  return list;
}

/** Engines installed on this machine that Porthole can start or tell the user how to start, most convenient first. */
export function findCandidates(p: SetupProbe): EngineCandidate[] {
  if (p.platform === 'linux') return linuxCandidates(p);
  if (p.platform === 'darwin') return darwinCandidates(p);
  if (p.platform === 'win32') return windowsCandidates(p);
  return [];
}
