import type { InstallHint } from '../../shared/api/engine-setup';

/** What to install when no engine is there at all, per OS: short, with the exact command where one exists. */
export function installHints(platform: NodeJS.Platform): InstallHint[] {
  if (platform === 'linux') {
    return [
      { name: 'Podman (no root needed to run it)', command: 'sudo apt install podman   # Fedora: sudo dnf install podman', url: 'https://podman.io/docs/installation' },
      { name: 'Docker Engine', command: 'sudo apt install docker.io   # Fedora: sudo dnf install moby-engine', url: 'https://docs.docker.com/engine/install/' },
    ];
  }
  if (platform === 'darwin') {
    return [
      { name: 'Docker Desktop', command: null, url: 'https://docs.docker.com/desktop/setup/install/mac-install/' },
      { name: 'OrbStack', command: 'brew install orbstack', url: 'https://orbstack.dev/download' },
      { name: 'Colima', command: 'brew install colima docker', url: 'https://github.com/abiosoft/colima' },
      { name: 'Podman Desktop', command: 'brew install podman-desktop', url: 'https://podman-desktop.io/downloads' },
    ];
  }
  if (platform === 'win32') {
    return [
      { name: 'Docker Desktop', command: 'winget install Docker.DockerDesktop', url: 'https://docs.docker.com/desktop/setup/install/windows-install/' },
      { name: 'Podman', command: 'winget install RedHat.Podman', url: 'https://podman.io/docs/installation#windows' },
    ];
  }
  return [{ name: 'Docker Engine', command: null, url: 'https://docs.docker.com/engine/install/' }];
}
