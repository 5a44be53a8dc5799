import { useCallback, useEffect, useState } from 'react';
import { useStore } from '../../store';
import { PageHeader } from '../../components/PageHeader';
import type { RegistryAccount } from '../../../../shared/api/registry';
import { PullButton } from './PullButton';
import { PullDialog } from './PullDialog';
import { PushPanel } from './PushPanel';
import { SearchPanel } from './SearchPanel';
import { SignInPanel } from './SignInPanel';
import { RunDialog } from '../images/RunDialog';
import './registries.css';

/** Registries: sign in, find, pull and push images. */
export function RegistriesView() {
  const connected = useStore((s) => s.status.state === 'connected');
  const refreshImages = useStore((s) => s.refreshImages);
  const [accounts, setAccounts] = useState<RegistryAccount[]>([]);
  const [pulling, setPulling] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const onAccounts = useCallback((a: RegistryAccount[]) => setAccounts(a), []);
  useEffect(() => {
    if (connected) void refreshImages();
  }, [connected, refreshImages]);
  return (
    <div className="stack">
      <PageHeader title="Registries" subtitle="Pull images to run them, push yours to share them. Sign in for private repositories.">
        <PullButton primary />
      </PageHeader>
      <SignInPanel onAccounts={onAccounts} />
      <SearchPanel registries={accounts.map((a) => a.registry)} onPull={setPulling} onRun={setRunning} />
      <PushPanel />
      {pulling && <PullDialog initial={pulling} onClose={() => setPulling(null)} onRun={(ref) => (setPulling(null), setRunning(ref))} />}
      {running && <RunDialog image={running} onClose={() => setRunning(null)} />}
    </div>
  );
}
