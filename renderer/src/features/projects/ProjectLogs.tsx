import { useEffect, useMemo, useState } from 'react';
import { api } from '../../bridge';
import type { ComposeLogLine } from '../../../../shared/api/compose';
import type { ApiError } from '../../../../shared/errors';
import { ErrorBox } from '../../components/ErrorBox';
import { SelectField } from '../../components/SelectField';

const MAX_LINES = 5_000;
/** Colours that keep 4.5:1 contrast on the panel background in both themes' text weight. */
const PALETTE = ['svc-c0', 'svc-c1', 'svc-c2', 'svc-c3', 'svc-c4', 'svc-c5'];

/** Main sends lines in time order; a straggler that arrives late is still placed by its timestamp. */
function appendInOrder(prev: ComposeLogLine[], batch: ComposeLogLine[]): ComposeLogLine[] {
  const last = prev.length > 0 ? prev[prev.length - 1].timeMs : -Infinity;
  const next = batch.every((l, i) => l.timeMs >= (i === 0 ? last : batch[i - 1].timeMs)) ? [...prev, ...batch] : [...prev, ...batch].sort((a, b) => a.timeMs - b.timeMs);
  return next.length > MAX_LINES ? next.slice(-MAX_LINES) : next;
}

/** A project's logs, merged in time order by main, each line prefixed with its service in that service's colour. */
export function ProjectLogs({ project, services }: { project: string; services: string[] }) {
  const [filter, setFilter] = useState('');
  const [lines, setLines] = useState<ComposeLogLine[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    return api.subscribe('compose:logs', { project, services: filter ? [filter] : [], tail: 200 }, (m) => {
      if (m.kind === 'data') setLines((prev) => appendInOrder(prev, m.data));
      else if (m.kind === 'error') setError(m.error);
    });
  }, [project, filter]);
  const colour = useMemo(() => new Map(services.map((s, i) => [s, PALETTE[i % PALETTE.length]])), [services]);
  const width = Math.max(...services.map((s) => s.length), 4);
  return (
    <section className="project-logs" aria-label={`Logs of ${project}`}>
      <SelectField
        label="Service"
        className="field-inline"
        value={filter}
        none="All services"
        choices={services}
        onChange={(service) => {
          setLines([]);
          setError(null);
          setFilter(service);
        }}
      />
      {error && <ErrorBox error={error} />}
      <pre className="compose-output mono small" tabIndex={0} aria-label={`Merged logs of ${project}`} data-testid="project-logs">
        {lines.length === 0 && <span className="muted">No log lines yet.</span>}
        {lines.map((l, i) => (
          <div key={i} className="log-line" data-service={l.service} data-time={l.timeMs}>
            <span className={`svc-prefix ${colour.get(l.service) ?? PALETTE[0]}`}>{l.service.padEnd(width)} |</span> {l.text}
          </div>
        ))}
      </pre>
    </section>
  );
}
