/**
 * Groups containers into compose projects from the labels compose itself writes. Pure and
 * environment-neutral, so the renderer derives its live Projects view from the containers list (kept
 * live by engine events) and main uses the same rules for the tray and the API.
 */
import type { ContainerSummary, PortBinding } from '../dto';

export const COMPOSE_LABELS = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
} as const;

export interface ComposeContainer {
  id: string;
  name: string;
  number: number;
  state: string;
  status: string;
  /** "healthy" | "unhealthy" | "starting" when the image has a healthcheck. */
  health?: string;
  image: string;
  ports: PortBinding[];
}

export interface ComposeServiceView {
  name: string;
  image: string;
  containers: ComposeContainer[];
  running: number;
}

export interface ComposeProjectView {
  name: string;
  workingDir: string;
  configFiles: string[];
  services: ComposeServiceView[];
  running: number;
  total: number;
  /** running: all up; partial: some up; stopped: none up. */
  state: 'running' | 'partial' | 'stopped';
}

const RUNNING = new Set(['running', 'restarting', 'paused']);

export function healthOf(status: string): string | undefined {
  const m = /\((healthy|unhealthy|health: starting)\)/.exec(status);
  if (!m) return undefined;
  return m[1] === 'health: starting' ? 'starting' : m[1];
}

/** compose writes config_files comma-separated (v1 and v2 alike). */
export const splitConfigFiles = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);

const isAbsolute = (p: string): boolean => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');

/** docker-compose v1 writes config files relative to the working dir; v2 writes them absolute. */
export const absoluteIn = (dir: string, file: string): string => (isAbsolute(file) || !dir ? file : `${dir.replace(/[\\/]+$/, '')}/${file.replace(/^\.\//, '')}`);

export function groupProjects(containers: Iterable<ContainerSummary>): ComposeProjectView[] {
  const projects = new Map<string, { workingDir: string; configFiles: string[]; services: Map<string, ComposeServiceView> }>();
  for (const c of containers) {
    const project = c.labels[COMPOSE_LABELS.project];
    if (!project || c.labels[COMPOSE_LABELS.oneoff] === 'True') continue;
    const entry = projects.get(project) ?? { workingDir: '', configFiles: [], services: new Map<string, ComposeServiceView>() };
    projects.set(project, entry);
    entry.workingDir ||= c.labels[COMPOSE_LABELS.workingDir] ?? '';
    if (entry.configFiles.length === 0) entry.configFiles = splitConfigFiles(c.labels[COMPOSE_LABELS.configFiles]).map((f) => absoluteIn(entry.workingDir, f));
    const serviceName = c.labels[COMPOSE_LABELS.service] ?? c.name;
    const service = entry.services.get(serviceName) ?? { name: serviceName, image: c.image, containers: [], running: 0 };
    entry.services.set(serviceName, service);
    const health = healthOf(c.status);
    service.containers.push({
      id: c.id,
      name: c.name,
      number: Number(c.labels[COMPOSE_LABELS.number] ?? '1') || 1,
      state: c.state,
      status: c.status,
      image: c.image,
      ports: c.ports,
      ...(health ? { health } : {}),
    });
    if (RUNNING.has(c.state)) service.running++;
  }
  return [...projects.entries()]
    .map(([name, p]): ComposeProjectView => {
      const services = [...p.services.values()].sort((a, b) => a.name.localeCompare(b.name));
      for (const s of services) s.containers.sort((a, b) => a.number - b.number);
      const total = services.reduce((n, s) => n + s.containers.length, 0);
      const running = services.reduce((n, s) => n + s.running, 0);
      return { name, workingDir: p.workingDir, configFiles: p.configFiles, services, running, total, state: running === 0 ? 'stopped' : running === total ? 'running' : 'partial' };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
