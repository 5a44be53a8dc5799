import { useState } from 'react';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useStore } from '../../store';
import { errorDetail, type ApiError } from '../../../../shared/errors';
import type { TransferProgress } from '../../../../shared/api/registry';
import { PullProgress } from '../registries/PullProgress';
import { PullBeforeRunDialog, PullInPlaceStatus, usePullInPlace } from './PullBeforeRun';
import { parseRunForm, type PortRow, type RunForm, type RunFormErrors } from './run-form';
import { newPortRow, useRunPrefill } from './use-run-prefill';
import { PortRows } from './PortRows';
import { NameInUse, nameInUse } from './NameInUse';
import { RunAdvanced } from './RunAdvanced';
import { EMPTY_ADVANCED, parseAdvanced, parseRunDialog, type AdvancedErrors, type AdvancedForm } from './run-advanced';

const RESTART_POLICIES: { value: RunForm['restartPolicy']; label: string }[] = [
  { value: 'no', label: 'Never' },
  { value: 'on-failure', label: 'When it fails' },
  { value: 'unless-stopped', label: 'Unless I stop it' },
  { value: 'always', label: 'Always' },
];

type PortInUseDetail = { port: number; suggestion?: number | null };

const portDetail = (error: ApiError): PortInUseDetail | null => {
  const d = errorDetail(error, 'PORT_IN_USE');
  return d && typeof d.port === 'number' ? { port: d.port, suggestion: d.suggestion } : null;
};

/** Marks the row whose host port the engine found taken. */
const inUseRowErrors = (rows: PortRow[], port: number): Record<number, string> =>
  Object.fromEntries(rows.filter((r) => r.hostPort.trim() === String(port)).map((r) => [r.key, `Port ${port} is taken on this machine.`]));

/** The engine's "no such image" from containers:run, which the dialog can fix by pulling it. */
const missingImage = (error: ApiError | null): string | null => {
  const d = errorDetail(error, 'NOT_FOUND');
  return typeof d?.missingImage === 'string' ? d.missingImage : null;
};

/**
 * "Run a container" from an image: `docker run -d` with the options people set most. An image the
 * engine does not have is pulled first, in place, with per-layer progress.
 */
export function RunDialog({ image, onClose }: { image: string; onClose: () => void }) {
  const [attempt, setAttempt] = useState(0);
  const [pulled, setPulled] = useState<TransferProgress | null>(null);
  const prefill = useRunPrefill(image, attempt);
  if (prefill.state === 'error' && prefill.error.code === 'NOT_FOUND' && !pulled)
    return (
      <PullBeforeRunDialog
        image={image}
        onClose={onClose}
        onPulled={(progress) => {
          setPulled(progress);
          setAttempt((a) => a + 1);
        }}
      />
    );
  if (prefill.state === 'loading')
    return (
      <Dialog title="Run a container" onClose={onClose}>
        <p className="muted">Reading {image}…</p>
      </Dialog>
    );
  if (prefill.state === 'error')
    return (
      <Dialog title="Run a container" onClose={onClose}>
        <ErrorBox error={prefill.error} />
      </Dialog>
    );
  return <RunFormDialog image={image} ports={prefill.ports} cmd={prefill.detail.cmd} pulled={pulled} onClose={onClose} />;
}

function RunFormDialog({ image, ports, cmd, pulled, onClose }: { image: string; ports: PortRow[]; cmd: string[]; pulled: TransferProgress | null; onClose: () => void }) {
  const toast = useStore((s) => s.toast);
  const navigate = useStore((s) => s.navigate);
  const [form, setForm] = useState<RunForm>({ image, name: '', ports, env: '', volumes: '', restartPolicy: 'no', command: '' });
  const [errors, setErrors] = useState<RunFormErrors>({});
  const [advanced, setAdvanced] = useState<AdvancedForm>(EMPTY_ADVANCED);
  const [advancedErrors, setAdvancedErrors] = useState<AdvancedErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const set = (patch: Partial<RunForm>) => {
    setForm({ ...form, ...patch });
    setErrors({});
  };
  const setAdvancedField = (patch: Partial<AdvancedForm>) => {
    setAdvanced({ ...advanced, ...patch });
    setAdvancedErrors({});
  };

  const submit = async () => {
    const parsed = parseRunDialog(parseRunForm(form), parseAdvanced(advanced, form.restartPolicy));
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setAdvancedErrors(parsed.advanced);
      return;
    }
    setBusy(true);
    setFailure(null);
    const r = await api.invoke('containers:run', parsed.input);
    setBusy(false);
    if (!r.ok) return setFailure(r.error);
    toast({ tone: 'success', title: `Started ${r.data.name}`, body: r.data.urls.length > 0 ? `Open ${r.data.urls.join(', ')}` : undefined });
    onClose();
    navigate('containers', r.data.id);
  };

  // The image can vanish between opening the dialog and Run (removed elsewhere): pull it, then run.
  const retry = usePullInPlace(image, () => void submit());

  const inUse = failure ? portDetail(failure) : null;
  const missing = missingImage(failure);
  const taken = nameInUse(failure);
  const pulling = retry.state.status === 'running';
  const applySuggestion = (detail: PortInUseDetail) => {
    if (!detail.suggestion) return;
    set({ ports: form.ports.map((p) => (p.hostPort.trim() === String(detail.port) ? { ...p, hostPort: String(detail.suggestion) } : p)) });
    setFailure(null);
  };

  return (
    <FormDialog title="Run a container" onClose={onClose} onSubmit={() => void submit()} primaryLabel={pulling ? 'Pulling…' : 'Run'} busyLabel="Starting…" busy={busy} canSubmit={!pulling}>
      <p className="muted run-image">
        Image <span className="mono">{image}</span>
        {pulled && <span className="field-ok"> · pulled just now</span>}
      </p>
      {pulled && (
        <details className="run-pulled" data-testid="run-pulled">
          <summary className="muted small">
            Pulled {pulled.layers.length} layer{pulled.layers.length === 1 ? '' : 's'}
          </summary>
          <PullProgress progress={pulled} status="done" />
        </details>
      )}
      <TextField label="Container name" value={form.name} placeholder="optional — the engine picks one if empty" autoFocus error={errors.name} onChange={(name) => set({ name })} />
      <PortRows rows={form.ports} errors={errors.ports ?? (inUse ? inUseRowErrors(form.ports, inUse.port) : undefined)} onChange={(rows) => set({ ports: rows })} onAdd={() => set({ ports: [...form.ports, newPortRow()] })} hostIp={advanced.hostIp.trim() || '127.0.0.1'} />
      <TextField label="Env" rows={2} value={form.env} placeholder="NAME=value, one per line" error={errors.env} onChange={(env) => set({ env })} />
      <TextField label="Volumes" rows={2} value={form.volumes} placeholder="/host/folder:/data or my-volume:/data[:ro], one per line" error={errors.volumes} onChange={(volumes) => set({ volumes })} />
      <div className="field-pair">
        <SelectField label="Restart policy" value={form.restartPolicy} choices={RESTART_POLICIES} onChange={(restartPolicy) => set({ restartPolicy })} />
        <TextField
          label="Command"
          className="grow"
          value={form.command}
          placeholder={cmd.length > 0 ? `default: ${cmd.join(' ')}` : 'the image’s default'}
          error={errors.command}
          onChange={(command) => set({ command })}
        />
      </div>
      <RunAdvanced form={advanced} errors={advancedErrors} onChange={setAdvancedField} />
      {failure && (
        <div className="stack-tight" data-testid="run-error">
          {taken ? (
            <NameInUse
              conflict={taken}
              onOpen={() => {
                onClose();
                navigate('containers', taken.id);
              }}
              onRename={(name) => {
                set({ name });
                setFailure(null);
              }}
            />
          ) : (
            <ErrorBox error={failure} />
          )}
          {missing && retry.state.status !== 'running' && retry.state.status !== 'done' && (
            <div>
              <button type="button" className="btn btn-primary btn-wrap" onClick={retry.pull}>
                Pull {missing} and run
              </button>
            </div>
          )}
          <PullInPlaceStatus state={retry.state} />
          {inUse?.suggestion && (
            <div>
              <button type="button" className="btn btn-primary" onClick={() => applySuggestion(inUse)}>
                Use {inUse.suggestion}
              </button>
            </div>
          )}
        </div>
      )}
    </FormDialog>
  );
}
