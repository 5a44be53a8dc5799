import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { EmptyState } from '../../components/EmptyState';
import { groupProjects } from '../../../../shared/compose/group-projects';
import { useComposeRuns } from './compose-runs';
import { OpenCompose } from './OpenCompose';
import { ProjectCard } from './ProjectCard';
import { RunOutput } from './RunOutput';
import './projects.css';

function BinaryNote() {
  const binary = useComposeRuns((s) => s.binary);
  if (!binary) return null;
  if (!binary.found) {
    return (
      <div className="error-box" role="alert" data-testid="compose-missing">
        <strong>Compose is not installed</strong>
        <p>{binary.message}</p>
        <p className="error-next">{binary.install}</p>
      </div>
    );
  }
  return (
    <p className="muted small" data-testid="compose-binary">
      Runs with <span className="mono">{binary.command.join(' ')}</span> {binary.version} ({binary.kind === 'plugin' ? 'Compose v2 plugin' : 'standalone'})
    </p>
  );
}

/** Every compose project on the engine, live from the containers list (itself live from engine events). */
export function ProjectsView() {
  const containers = useStore((s) => s.containers);
  const loaded = useStore((s) => s.containersLoaded);
  const focusId = useStore((s) => s.focusId);
  const projects = useMemo(() => groupProjects(Object.values(containers)), [containers]);
  const runProjects = useComposeRuns(useShallow((s) => Object.keys(s.runs)));
  const loadBinary = useComposeRuns((s) => s.loadBinary);
  useEffect(() => void loadBinary(), [loadBinary]);
  const orphanRuns = runProjects.filter((p) => !projects.some((x) => x.name === p));
  return (
    <div className="stack">
      <header className="page-header">
        <h2>Projects</h2>
        <p className="muted">Multi-container apps started with compose — by Porthole or anyone else on this engine.</p>
        <BinaryNote />
      </header>
      <OpenCompose />
      {orphanRuns.map((p) => (
        <div key={p} className="panel">
          <h3 className="mono">{p}</h3>
          <RunOutput project={p} />
        </div>
      ))}
      {loaded && projects.length === 0 && orphanRuns.length === 0 && <EmptyState title="No compose projects">Open a folder with a compose file above, or start one with compose: it appears here by itself.</EmptyState>}
      <div className="stack" data-testid="projects-list">
        {projects.map((p) => (
          <ProjectCard key={p.name} project={p} initiallyShowLogs={focusId === p.name} />
        ))}
      </div>
    </div>
  );
}
