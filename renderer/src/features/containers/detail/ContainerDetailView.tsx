import { Suspense, useState } from 'react';
import { useStore } from '../../../store';
import { ErrorBox } from '../../../components/ErrorBox';
import { EmptyState } from '../../../components/EmptyState';
import { formatRelative, shortId } from '../../../lib/format';
import { ContainerActions } from '../list/ContainerActions';
import { PortLinks } from '../list/PortLinks';
import { LiveStateBadge, TransitionSentence } from '../list/ContainerStateCell';
import { DEFAULT_LOG_OPTIONS, LogsTab } from '../logs/LogsTab';
import { StatsTab } from '../stats/StatsTab';
import { InspectTab } from './InspectTab';
import { useContainerDetail } from './use-container-detail';
import { FilesTab } from '../files/FilesTab';
import { CopyButton } from '../../../components/CopyButton';
import { lazyComponent } from '../../../lib/lazy-component';

// xterm is most of the renderer's weight; it loads when a terminal is first opened.
const TerminalTab = lazyComponent(() => import('../terminal/TerminalTab').then((m) => m.TerminalTab));

export type Tab = 'logs' | 'inspect' | 'stats' | 'terminal' | 'files';
const TABS: { id: Tab; label: string }[] = [
  { id: 'logs', label: 'Logs' },
  { id: 'inspect', label: 'Inspect' },
  { id: 'stats', label: 'Stats' },
  { id: 'terminal', label: 'Terminal' },
  { id: 'files', label: 'Files' },
];
const isTab = (t: string | null | undefined): t is Tab => TABS.some((x) => x.id === t);

export function ContainerDetailView({ id, onBack, onRemove, initialTab }: { id: string; onBack: () => void; onRemove: (ids: string[]) => void; initialTab?: string | null }) {
  const [tab, setTab] = useState<Tab>(isTab(initialTab) ? initialTab : 'logs');
  // Terminals stay alive while another tab is shown; they end when the detail closes.
  const [terminalOpened, setTerminalOpened] = useState(tab === 'terminal');
  const navigate = useStore((s) => s.navigate);
  const [lastInitial, setLastInitial] = useState(initialTab);
  if (initialTab !== lastInitial) {
    setLastInitial(initialTab);
    if (isTab(initialTab)) {
      setTab(initialTab);
      if (initialTab === 'terminal') setTerminalOpened(true);
    }
  }
  const [logOptions, setLogOptions] = useState(DEFAULT_LOG_OPTIONS);
  const { detail, error, removed } = useContainerDetail(id);
  const summary = useStore((s) => (detail ? s.containers[detail.id] : s.containers[id]));

  const back = (
    <button type="button" className="btn btn-ghost" onClick={onBack}>
      ← All containers
    </button>
  );
  if (removed) {
    return (
      <div className="ct-page">
        <div>{back}</div>
        <EmptyState title="This container no longer exists">Someone removed it (for example with docker rm). Its logs and stats went with it.</EmptyState>
      </div>
    );
  }
  if (error) {
    return (
      <div className="ct-page">
        <div>{back}</div>
        <ErrorBox error={error} />
      </div>
    );
  }
  if (!detail) {
    return (
      <div className="ct-page">
        <div>{back}</div>
        <p className="muted">Loading container…</p>
      </div>
    );
  }
  const current = summary ?? detail;
  const state = current.state;
  return (
    <div className="ct-page" data-testid="container-detail" data-name={detail.name} data-state={state}>
      <header className="detail-header">
        {back}
        <div className="detail-title">
          <h1>{detail.name}</h1>
          <LiveStateBadge id={detail.id} state={state} />
        </div>
        <ContainerActions container={{ ...detail, state }} onRemove={onRemove} withLabels />
      </header>
      <p className="muted detail-meta">
        <code>{detail.image}</code> · {shortId(detail.id)}
        <CopyButton text={detail.id} what="the container ID" /> · created {formatRelative(detail.createdMs)}
        {state === 'running' && detail.startedAtMs ? ` · up since ${new Date(detail.startedAtMs).toLocaleString()}` : ''}
        {state === 'exited' && detail.exitCode !== undefined ? ` · exited with code ${detail.exitCode}` : ''}
        {detail.ports.some((p) => p.publicPort) && (
          <>
            {' · '}
            <PortLinks ports={detail.ports} />
          </>
        )}
      </p>
      <TransitionSentence id={detail.id} />
      <div className="tabs" role="tablist" aria-label="Container details">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab active' : 'tab'} onClick={() => {
              setTab(t.id);
              if (t.id === 'terminal') setTerminalOpened(true);
            }}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel">
        {tab === 'logs' && <LogsTab id={detail.id} name={detail.name} tty={detail.tty} options={logOptions} onOptions={setLogOptions} />}
        {tab === 'inspect' && <InspectTab detail={detail} />}
        {tab === 'stats' && <StatsTab id={detail.id} running={state === 'running'} />}
        {terminalOpened && (
          <div className="tab-keepalive" hidden={tab !== 'terminal'}>
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <TerminalTab containerId={detail.id} />
            </Suspense>
          </div>
        )}
        {tab === 'files' && <FilesTab containerId={detail.id} onOpenVolumes={() => navigate('volumes')} />}
      </div>
    </div>
  );
}
