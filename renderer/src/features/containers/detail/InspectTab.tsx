import { useState, type ReactNode } from 'react';
import type { ContainerDetail } from '../../../../../shared/dto';
import { PortLinks } from '../list/PortLinks';
import { CopyButton } from '../../../components/CopyButton';
import { ResourceTable, type Column } from '../../../components/ResourceTable';
import { NetworksTable } from './NetworksTable';
import { RawJson } from './RawJson';

function Section({ title, children, empty }: { title: string; children: ReactNode; empty?: boolean }) {
  return (
    <section className="panel inspect-section">
      <h2>{title}</h2>
      {empty ? <p className="muted">None.</p> : children}
    </section>
  );
}

function KeyValues({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="kv">
      {rows.map(([k, v]) => (
        <div key={k} className="kv-row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const splitEnv = (entry: string): [string, string] => {
  const at = entry.indexOf('=');
  return at === -1 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
};

const MOUNT_COLUMNS: Column<ContainerDetail['mounts'][number]>[] = [
  { key: 'type', header: 'Type', cell: (m) => m.type },
  { key: 'source', header: 'Source', kind: 'clip', cell: (m) => <span className="mono">{m.name ?? m.source}</span>, title: (m) => m.name ?? m.source },
  { key: 'destination', header: 'Destination', kind: 'clip', cell: (m) => <span className="mono">{m.destination}</span>, title: (m) => m.destination },
  { key: 'mode', header: 'Mode', cell: (m) => (m.rw ? 'read-write' : 'read-only') },
];

export function InspectTab({ detail }: { detail: ContainerDetail }) {
  const [showRaw, setShowRaw] = useState(false);
  const labels = Object.entries(detail.labels).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="inspect" data-testid="inspect-view">
      <Section title="Command">
        <KeyValues
          rows={[
            ['Entrypoint', <code key="e">{detail.entrypoint.length ? JSON.stringify(detail.entrypoint) : '—'}</code>],
            ['Command', <code key="c">{detail.cmd.length ? JSON.stringify(detail.cmd) : '—'}</code>],
            ['Full command', <span key="f"><code>{detail.command}</code><CopyButton text={detail.command} what="the command" /></span>],
            ['Working directory', <code key="w">{detail.workingDir || '/'}</code>],
            ['Restart policy', detail.restartPolicy],
            ['TTY', detail.tty ? 'yes (stdout and stderr are one stream)' : 'no'],
            ['Image', <span key="i"><code>{detail.image}</code><CopyButton text={detail.image} what="the image name" /></span>],
            ['ID', <span key="id"><code>{detail.id}</code><CopyButton text={detail.id} what="the container ID" /></span>],
          ]}
        />
      </Section>
      <Section title={`Networks (${detail.networks.length})`} empty={detail.networks.length === 0}>
        <NetworksTable networks={detail.networks} />
      </Section>
      <Section title="Ports" empty={detail.ports.length === 0}>
        <PortLinks ports={detail.ports} showUnpublished />
      </Section>
      <Section title={`Environment (${detail.env.length})`} empty={detail.env.length === 0}>
        <KeyValues rows={detail.env.map((e) => splitEnv(e)).map(([k, v]) => [k, <code key={k}>{v}</code>])} />
      </Section>
      <Section title={`Mounts (${detail.mounts.length})`} empty={detail.mounts.length === 0}>
        <ResourceTable label="Mounts" rows={detail.mounts} rowKey={(m) => m.destination} columns={MOUNT_COLUMNS} />
      </Section>
      <Section title={`Labels (${labels.length})`} empty={labels.length === 0}>
        <KeyValues rows={labels.map(([k, v]) => [k, <code key={k}>{v}</code>])} />
      </Section>
      <Section title="Raw JSON">
        <button type="button" className="btn" onClick={() => setShowRaw((v) => !v)} aria-expanded={showRaw}>
          {showRaw ? 'Hide raw JSON' : 'Show raw JSON (docker inspect)'}
        </button>
        {showRaw && <RawJson raw={detail.raw} />}
      </Section>
    </div>
  );
}
