import { existsSync } from 'node:fs';
import type { ComposeBinary, ComposeDownPreview, ComposePortPreview, ComposePreview, ComposeRunEvent } from '../../shared/api/compose';
import type { StreamParsed } from '../../shared/api/contract';
import { COMPOSE_LABELS, groupProjects, type ComposeProjectView } from '../../shared/compose/group-projects';
import { PortholeError } from '../../shared/errors';
import type { EngineConnection } from '../engine/connection';
import { toContainerSummary } from '../engine/mappers';
import { isPortFree } from '../lib/ports';
import { findComposeBinary } from './compose-binary';
import { projectNameFor, resolveComposeFiles, type ComposeFileSet } from './compose-files';
import { servicePreviews, topLevelNames } from './compose-model';
import { loadComposeModel } from './compose-model-loader';
import { streamProjectLogs, type ProjectLogParams } from './compose-logs';
import { composeArgs, runCompose } from './compose-runner';

type RunParams = StreamParsed<'compose:run'>;

const ENGINE_DEADLINE_MS = 15_000;

function withDeadline<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PortholeError('TIMEOUT', `The engine did not answer ${what} within ${ENGINE_DEADLINE_MS / 1000} s.`)), ENGINE_DEADLINE_MS);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Compose projects: found from the engine's labels, run through the user's own compose against Porthole's engine. */
export class ComposeService {
  constructor(
    private readonly connection: EngineConnection,
    private readonly env: () => NodeJS.ProcessEnv = () => process.env,
  ) {}

  async projects(): Promise<ComposeProjectView[]> {
    const list = await withDeadline(this.connection.client().listContainers({ all: true, filters: { label: [COMPOSE_LABELS.project] } }), 'the container list');
    return groupProjects(list.map(toContainerSummary));
  }

  private cachedBinary: { path: string; atMs: number; found: Promise<ComposeBinary> } | null = null;

  /**
   * Asking compose its version costs a process start (about a second for the Python docker-compose), so a
   * found binary is remembered for this PATH until running it fails; an absent one is asked again after 10 s.
   */
  binary(): Promise<ComposeBinary> {
    const path = this.env().PATH ?? '';
    const c = this.cachedBinary;
    if (c && c.path === path && Date.now() - c.atMs < 10_000) return c.found;
    if (c && c.path === path) {
      return c.found.then((b) => {
        if (b.found) return b;
        this.cachedBinary = null;
        return this.binary();
      });
    }
    const found = findComposeBinary(this.env());
    this.cachedBinary = { path, atMs: Date.now(), found };
    return found;
  }

  /** The environment compose runs with: the engine Porthole is connected to, whatever the shell's context says. */
  composeEnv(): NodeJS.ProcessEnv {
    const env = { ...this.env() };
    const endpoint = this.connection.status.endpoint;
    if (endpoint) {
      env.DOCKER_HOST = endpoint;
      delete env.DOCKER_CONTEXT;
    }
    return env;
  }

  async open(path: string, projectName?: string): Promise<ComposePreview> {
    const set = resolveComposeFiles(path);
    const name = projectName ?? projectNameFor(set.workingDir);
    const { model, problems } = await loadComposeModel(set, this.env());
    const ownPorts = await this.publishedByProject(name);
    const services = await Promise.all(
      servicePreviews(model).map(async (s) => ({ ...s, ports: await Promise.all(s.ports.map((p) => this.withTaken(p, ownPorts))) })),
    );
    const declaredName = typeof model.name === 'string' && /^[a-z0-9][a-z0-9_-]*$/.test(model.name) ? model.name : null;
    return {
      projectName: projectName ?? declaredName ?? name,
      workingDir: set.workingDir,
      files: set.files,
      ...(set.envFile ? { envFile: set.envFile } : {}),
      services,
      volumes: topLevelNames(model, 'volumes'),
      networks: topLevelNames(model, 'networks'),
      problems,
    };
  }

  private async withTaken(p: Omit<ComposePortPreview, 'taken'>, ownPorts: Set<number>): Promise<ComposePortPreview> {
    if (!p.hostPort || ownPorts.has(p.hostPort)) return { ...p, taken: false };
    const host = p.hostIp && p.hostIp !== '::' ? p.hostIp : '0.0.0.0';
    return { ...p, taken: !(await isPortFree(p.hostPort, host)) };
  }

  /** Host ports this project's own running containers hold: an `up` again keeps them, so they are not "taken". */
  private async publishedByProject(project: string): Promise<Set<number>> {
    const list = await withDeadline(this.connection.client().listContainers({ all: false, filters: { label: [`${COMPOSE_LABELS.project}=${project}`] } }), 'the container list');
    return new Set(list.flatMap((c) => (c.Ports ?? []).map((p) => p.PublicPort).filter((n): n is number => Boolean(n))));
  }

  async downPreview(project: string): Promise<ComposeDownPreview> {
    const docker = this.connection.client();
    const filters = { label: [`${COMPOSE_LABELS.project}=${project}`] };
    const [containers, networks, volumes] = await withDeadline(
      Promise.all([docker.listContainers({ all: true, filters }), docker.listNetworks({ filters }), docker.listVolumes({ filters })]),
      'the project listing',
    );
    const mountedBy = (name: string) => containers.filter((c) => (c.Mounts ?? []).some((m) => m.Name === name)).map((c) => (c.Names?.[0] ?? c.Id).replace(/^\//, ''));
    return {
      project,
      containers: containers.map((c) => (c.Names?.[0] ?? c.Id).replace(/^\//, '')),
      networks: networks.map((n) => n.Name),
      volumes: (volumes.Volumes ?? []).map((v) => ({ name: v.Name, mountedBy: mountedBy(v.Name) })),
    };
  }

  /** Where the project's files are: given by the caller, or the labels compose wrote on its containers. */
  private async fileSetFor(p: RunParams): Promise<ComposeFileSet> {
    if (p.files && p.files.length > 0) return { workingDir: p.workingDir ?? resolveComposeFiles(p.files[0]).workingDir, files: p.files };
    const project = (await this.projects()).find((x) => x.name === p.project);
    if (!project || project.configFiles.length === 0) throw new PortholeError('NOT_FOUND', `No compose files are known for project "${p.project}": open its folder or compose file.`);
    const missing = project.configFiles.filter((f) => !existsSync(f));
    if (missing.length > 0) throw new PortholeError('NOT_FOUND', `The compose files of "${p.project}" are no longer on this computer: ${missing.join(', ')}.`, { missing });
    return { workingDir: project.workingDir || resolveComposeFiles(project.configFiles[0]).workingDir, files: project.configFiles };
  }

  /** Checks everything that can be checked before compose starts anything; then runs it. */
  async run(p: RunParams, emit: (e: ComposeRunEvent) => void, signal: AbortSignal): Promise<void> {
    const binary = await this.binary();
    if (!binary.found) throw new PortholeError('NOT_FOUND', `${binary.message} ${binary.install}`, { install: binary.install });
    const set = await this.fileSetFor(p);
    if (p.action === 'up') await this.checkBeforeUp(p.project, set);
    if (p.action === 'down' && p.removeVolumes) {
      const { volumes } = await this.downPreview(p.project);
      const unconfirmed = volumes.map((v) => v.name).filter((v) => !p.confirmVolumes.includes(v));
      if (unconfirmed.length > 0) throw new PortholeError('VALIDATION', `Removing volumes needs each one confirmed by name; not confirmed: ${unconfirmed.join(', ')}.`, { unconfirmed });
    }
    const args = composeArgs(p.action, p.project, set.files, set.workingDir, p.services, p.removeVolumes);
    emit({ kind: 'started', binary: binary.command.join(' '), version: binary.version, args });
    const started = Date.now();
    let tail = '';
    const exitCode = await runCompose({
      command: binary.command,
      args,
      cwd: set.workingDir,
      env: this.composeEnv(),
      signal,
      onOutput: (text) => {
        tail = (tail + text).slice(-4_000);
        emit({ kind: 'output', text });
      },
    }).catch((error: unknown) => {
      // The binary went away since it was found: look again next time.
      if (error instanceof PortholeError && error.code === 'NOT_FOUND') this.cachedBinary = null;
      throw error;
    });
    emit({ kind: 'done', exitCode, durationMs: Date.now() - started });
    if (exitCode !== 0) {
      const last = tail.trim().split('\n').slice(-3).join(' ').slice(0, 500);
      throw new PortholeError('INTERNAL', `compose ${p.action} failed (exit ${exitCode}): ${last}`, { exitCode });
    }
  }

  private async checkBeforeUp(project: string, set: ComposeFileSet): Promise<void> {
    const { model, problems } = await loadComposeModel(set, this.env());
    if (problems.length > 0) {
      const first = problems[0];
      throw new PortholeError('VALIDATION', `${first.file}${first.line ? `:${first.line}:${first.column}` : ''}: ${first.message}`, { problems });
    }
    const own = await this.publishedByProject(project);
    for (const s of servicePreviews(model)) {
      for (const port of s.ports) {
        const checked = await this.withTaken(port, own);
        if (checked.taken) {
          throw new PortholeError('PORT_IN_USE', `Port ${port.hostPort} on this computer is already in use, so service "${s.name}" cannot publish it. Nothing was started.`, { service: s.name, port: port.hostPort });
        }
      }
    }
  }

  logs(p: ProjectLogParams, emit: Parameters<typeof streamProjectLogs>[2], signal: AbortSignal): Promise<void> {
    return streamProjectLogs(this.connection, p, emit, signal);
  }
}
