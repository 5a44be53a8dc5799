import { useEffect, useRef, useState } from 'react';
import { api } from '../../bridge';
import { ResourceTable } from '../../components/ResourceTable';
import type { LogLine } from '../../../../shared/api/containers';
import type { SwarmServiceSummary } from '../../../../shared/api/swarm';
import { useTasks } from './use-swarm';

const MAX_LINES = 2_000;

/** Tasks (replica, node, state, the engine's error) and the service's logs merged across its tasks. Keyed by service id by its parent. */
export function SwarmServiceDetail({ service }: { service: SwarmServiceSummary }) {
  const tasks = useTasks(service.id);
  const [lines, setLines] = useState<(LogLine & { task: string })[]>([]);
  const close = useRef<(() => void) | null>(null);
  useEffect(() => {
    close.current = api.subscribe('swarm:logs', { service: service.id, tail: 200, follow: true }, (m) => {
      if (m.kind === 'data') setLines((prev) => [...prev, ...m.data].slice(-MAX_LINES));
    });
    return () => close.current?.();
  }, [service.id]);

  return (
    <section className="stack-tight" aria-label={`Service ${service.name}`} data-testid="swarm-service-detail">
      <h2>{service.name}</h2>
      <ResourceTable
        label={`Tasks of ${service.name}`}
        testId="swarm-tasks"
        rows={tasks.filter((t) => t.desiredState === 'running' || t.state !== 'shutdown').slice(0, 50)}
        rowKey={(t) => t.id}
        columns={[
          { key: 'slot', header: 'Replica', cell: (t) => t.slot ?? '–', kind: 'num' },
          { key: 'state', header: 'State', cell: (t) => `${t.state}${t.desiredState !== 'running' ? ` (→ ${t.desiredState})` : ''}` },
          { key: 'node', header: 'Node', cell: (t) => t.nodeName, kind: 'clip', hideBelow: 'narrow' },
          { key: 'image', header: 'Image', cell: (t) => t.image, kind: 'clip', title: (t) => t.image },
          { key: 'port', header: 'Port', cell: (t) => t.ports.map((p) => `${p.published}→${p.target}`).join(', ') },
          { key: 'error', header: 'Message', cell: (t) => t.error ?? t.message, kind: 'clip', title: (t) => t.error ?? t.message },
        ]}
      />
      <h3>Logs of every task</h3>
      <pre className="swarm-logs" tabIndex={0} aria-label={`Logs of ${service.name}`} data-testid="swarm-logs">
        {lines.map((l) => `${l.task ? `[${l.task}] ` : ''}${l.text}`).join('\n')}
      </pre>
    </section>
  );
}
