import { useState } from 'react';
import type { ComposeAction } from '../../../../shared/api/compose';
import type { ComposeProjectView, ComposeServiceView } from '../../../../shared/compose/group-projects';
import { PortLinks } from '../containers/list/PortLinks';
import { useComposeRuns } from './compose-runs';
import { RunOutput } from './RunOutput';
import { DownDialog } from './DownDialog';
import { ProjectLogs } from './ProjectLogs';

/** The project's compose commands in button order; each is hidden in the state where it would do nothing. */
const PROJECT_ACTIONS: { action: ComposeAction; label: string; hideWhen?: ComposeProjectView['state'] }[] = [
  { action: 'up', label: 'Up', hideWhen: 'running' },
  { action: 'stop', label: 'Stop', hideWhen: 'stopped' },
  { action: 'start', label: 'Start', hideWhen: 'running' },
  { action: 'restart', label: 'Restart' },
  { action: 'pull', label: 'Pull' },
  { action: 'build', label: 'Build' },
];

const STATE_WORDS = { running: 'running', partial: 'partly running', stopped: 'stopped' } as const;

function ServiceRow({ project, service, busy }: { project: string; service: ComposeServiceView; busy: boolean }) {
  const start = useComposeRuns((s) => s.start);
  const act = (action: ComposeAction) => void start({ action, project, services: [service.name] });
  const up = service.running > 0;
  const health = service.containers.map((c) => c.health).find(Boolean);
  return (
    <tr data-service={service.name}>
      <th scope="row" className="mono">
        {service.name}
      </th>
      <td>
        <span className={up ? 'state-dot state-running' : 'state-dot state-exited'} aria-hidden />
        <span data-testid="service-state">{service.containers.map((c) => c.state).join(', ')}</span>
        {health && <span className="chip small">{health}</span>}
      </td>
      <td className="clip mono small" title={service.image}>
        {service.image}
      </td>
      <td>
        <PortLinks ports={service.containers.flatMap((c) => c.ports)} />
      </td>
      <td className="actions">
        <div className="service-actions">
        {up ? (
          <>
            <button type="button" className="btn" disabled={busy} aria-label={`Restart ${service.name}`} onClick={() => act('restart')}>
              Restart
            </button>
            <button type="button" className="btn" disabled={busy} aria-label={`Stop ${service.name}`} onClick={() => act('stop')}>
              Stop
            </button>
          </>
        ) : (
          <button type="button" className="btn" disabled={busy} aria-label={`Start ${service.name}`} onClick={() => act('start')}>
            Start
          </button>
        )}
        </div>
      </td>
    </tr>
  );
}

/** One compose project: its state, files and services, with the project's actions, logs and the running command's output. */
export function ProjectCard({ project, initiallyShowLogs = false }: { project: ComposeProjectView; initiallyShowLogs?: boolean }) {
  const start = useComposeRuns((s) => s.start);
  const busy = useComposeRuns((s) => s.runs[project.name]?.status === 'running');
  const [downOpen, setDownOpen] = useState(false);
  const [logsOpen, setLogsOpen] = useState(initiallyShowLogs);
  const act = (action: ComposeAction) => void start({ action, project: project.name });
  const headingId = `project-${project.name}`;
  return (
    <article className="panel project-card" aria-labelledby={headingId} data-project={project.name}>
      <header className="project-head">
        <div>
          <h3 id={headingId} className="mono">
            {project.name}
          </h3>
          <p className="muted small" data-testid="project-state">
            {STATE_WORDS[project.state]} · {project.running} of {project.total} running
          </p>
          {project.workingDir && (
            <p className="muted small clip mono" title={project.configFiles.join('\n')}>
              {project.workingDir}
              {project.configFiles.length > 0 && ` — ${project.configFiles.map((f) => f.split(/[\\/]/).pop()).join(', ')}`}
            </p>
          )}
        </div>
        <div className="project-actions" role="group" aria-label={`${project.name} actions`}>
          {PROJECT_ACTIONS.filter((a) => a.hideWhen !== project.state).map((a) => (
            <button key={a.action} type="button" className={a.action === 'up' ? 'btn btn-primary' : 'btn'} disabled={busy} onClick={() => act(a.action)}>
              {a.label}
            </button>
          ))}
          <button type="button" className="btn" aria-expanded={logsOpen} onClick={() => setLogsOpen(!logsOpen)}>
            {logsOpen ? 'Hide logs' : 'Logs'}
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => setDownOpen(true)}>
            Down…
          </button>
        </div>
      </header>
      <div className="table-scroll">
        <table className="res-table project-services">
          <caption className="sr-only">Services of {project.name}</caption>
          <colgroup>
            <col className="c-service" />
            <col className="c-state" />
            <col className="c-image" />
            <col className="c-ports" />
            <col className="c-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">State</th>
              <th scope="col">Image</th>
              <th scope="col">Ports</th>
              <th scope="col" className="actions">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {project.services.map((s) => (
              <ServiceRow key={s.name} project={project.name} service={s} busy={busy} />
            ))}
          </tbody>
        </table>
      </div>
      <RunOutput project={project.name} />
      {logsOpen && <ProjectLogs project={project.name} services={project.services.map((s) => s.name)} />}
      {downOpen && <DownDialog project={project.name} onClose={() => setDownOpen(false)} />}
    </article>
  );
}
