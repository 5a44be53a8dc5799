import { useState } from 'react';
import type { EngineContainer } from '../../../../../shared/api/engine-containers';
import { api } from '../../../bridge';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorBox } from '../../../components/ErrorBox';
import type { ApiError } from '../../../../../shared/errors';

/** Logs, inspect, stats and the terminal follow the engine in use: opening another engine's container offers the switch. */
export function SwitchToOpenDialog({ container, onClose, onSwitched }: { container: EngineContainer; onClose: () => void; onSwitched: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const confirm = async () => {
    setBusy(true);
    const r = await api.invoke('engines:switch', { id: container.engineId });
    setBusy(false);
    if (r.ok) onSwitched();
    else setError(r.error);
  };
  return (
    <ConfirmDialog title={`Switch to ${container.engineName}?`} confirmLabel={`Switch to ${container.engineName}`} busy={busy} onConfirm={() => void confirm()} onCancel={onClose}>
      <p>
        <strong>{container.name}</strong> runs on <strong>{container.engineName}</strong>. Its logs, details, stats and terminal open on the engine Porthole uses now, so
        Porthole switches to {container.engineName} first; every view then shows that engine.
      </p>
      {error && <ErrorBox error={error} />}
    </ConfirmDialog>
  );
}
