import { useEffect } from 'react';
import { useHostAccessProblem } from './HostAccessNotice';
import { useStore } from '../../store';
import { formatMemory } from '../../lib/format';
import type { EngineStatus } from '../../../../shared/dto';
import { EngineSetup } from './EngineSetup';

function Unavailable({ status }: { status: Extract<EngineStatus, { state: 'unavailable' }> }) {
  return (
    <section className="panel panel-warning" data-testid="engine-unavailable">
      <h2>No container engine answers</h2>
      <p data-testid="engine-unavailable-reason">{status.reason}</p>
      {status.tried.length > 0 && (
        <>
          <p>Porthole looked in these places, in this order:</p>
          <ol className="mono-list">
            {status.tried.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ol>
        </>
      )}
      <EngineSetup />
      <p>Or:</p>
      <ul>
        <li>Start Docker (Docker Desktop, OrbStack, Colima, or <code>sudo systemctl start docker</code> on Linux).</li>
        <li>
          Or point Porthole at an engine elsewhere: set <code>DOCKER_HOST</code> (for example <code>unix:///var/run/docker.sock</code> or{' '}
          <code>tcp://host:2376</code>) or choose a context with <code>docker context use</code>.
        </li>
      </ul>
      <p className="muted">Trying again in {Math.round(status.retryInMs / 100) / 10} s — this page updates by itself.</p>
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: string | number; testId?: string }) {
  return (
    <div className="stat">
      <div className="stat-value" data-testid={testId} title={String(value)}>
        {value}
      </div>
      <div className="stat-label">{label}</div>
    </div>
  );
}

/** Rows of `docker images`: one per tag, one for an untagged image (docker info's count adds intermediate layers). */
export const dockerImagesRows = (images: { tags: string[] }[]): number => images.reduce((n, i) => n + Math.max(1, i.tags.length), 0);

function ImageCount() {
  const loaded = useStore((s) => s.imagesLoaded);
  const rows = useStore((s) => dockerImagesRows(s.images));
  const refresh = useStore((s) => s.refreshImages);
  useEffect(() => {
    if (!loaded) void refresh();
  }, [loaded, refresh]);
  return <Stat label="Images (rows of docker images, one per tag)" value={loaded ? rows : '…'} testId="count-images" />;
}

export function EngineOverview() {
  const status = useStore((s) => s.status);
  const info = useStore((s) => s.info);
  const accessProblem = useHostAccessProblem();

  // When the link itself was refused, the notice above says so; blaming the engine would mislead.
  if (status.state === 'unavailable') return accessProblem ? null : <Unavailable status={status} />;
  if (status.state === 'connecting' || !info) {
    return (
      <section className="panel">
        <h2>Connecting to the Docker Engine…</h2>
        {status.endpoint && <p className="muted">{status.endpoint}</p>}
      </section>
    );
  }
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Overview</h1>
        <p className="muted">
          Connected to <code>{info.endpoint}</code> ({info.source})
        </p>
      </header>
      <section className="panel" data-testid="engine-info">
        <h2>Docker Engine</h2>
        <div className="stat-grid">
          <Stat label="Engine version" value={info.version} testId="engine-version" />
          <Stat label="API version" value={info.apiVersion} testId="engine-api-version" />
          <Stat label="OS / arch" value={`${info.osType}/${info.arch}`} />
          <Stat label="CPUs" value={info.cpus} testId="engine-cpus" />
          <Stat label="Memory" value={formatMemory(info.memoryBytes)} testId="engine-memory" />
        </div>
        <p className="muted small">
          {info.os} · kernel {info.kernelVersion}
        </p>
      </section>
      <section className="panel">
        <h2>Objects</h2>
        <div className="stat-grid">
          <Stat label="Containers running" value={info.containers.running} testId="count-running" />
          <Stat label="Containers paused" value={info.containers.paused} testId="count-paused" />
          <Stat label="Containers stopped" value={info.containers.stopped} testId="count-stopped" />
          <ImageCount />
        </div>
      </section>
    </div>
  );
}
