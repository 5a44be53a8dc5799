import type { ContainerSummary } from '../../shared/dto';
import { groupProjects } from '../../shared/compose/group-projects';
import type { MenuEntry, MenuItemModel, TrayAction } from './menu-model';

const LIMIT = 8;
const url = (port: number) => `http://127.0.0.1:${port}`;

const item = (id: string, label: string, action?: TrayAction): MenuItemModel => ({ kind: 'item', id, label, enabled: true, action });
const info = (id: string, label: string): MenuItemModel => ({ kind: 'item', id, label, enabled: false });

/** Running compose projects, one entry each: open its published ports, show its logs, stop it (through compose). */
export function projectsSection(containers: ContainerSummary[]): MenuEntry[] {
  const running = groupProjects(containers).filter((p) => p.running > 0);
  if (running.length === 0) return [];
  return [
    info('projects-header', `Running projects (${running.length})`),
    ...running.slice(0, LIMIT).map((p): MenuItemModel => {
      const ports = [...new Set(p.services.flatMap((s) => s.containers.flatMap((c) => c.ports.filter((x) => x.publicPort && x.type === 'tcp' && (!x.hostIp || ['0.0.0.0', '::', '127.0.0.1'].includes(x.hostIp))).map((x) => x.publicPort as number))))].sort((a, b) => a - b);
      return {
        ...item(`project:${p.name}`, `${p.name}  (${p.running}/${p.total})`),
        submenu: [
          ...ports.map((port) => item(`project-open:${p.name}:${port}`, `Open 127.0.0.1:${port} in the browser`, { type: 'open-url', url: url(port) })),
          item(`project-logs:${p.name}`, 'Show logs', { type: 'show', view: 'projects', focusId: p.name }),
          { kind: 'separator' },
          item(`project-stop:${p.name}`, 'Stop', { type: 'compose', verb: 'stop', project: p.name }),
        ],
      };
    }),
  ];
}
