import { useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useStore } from '../../store';
import { checkImageReference } from '../../../../shared/reference';
import { TransferOutcome } from './TransferOutcome';
import { CancelOrClose } from '../tasks/CancelOrClose';
import { useTransfer } from './use-transfer';

export interface PullDialogProps {
  /** Prefilled reference, e.g. from a search result. */
  initial?: string;
  onClose: () => void;
  /** When given, a finished pull offers "Run" with the pulled reference. */
  onRun?: (reference: string) => void;
}

/**
 * "Pull an image": a reference checked like the docker CLI checks it, then per-layer progress; cancellable.
 * Closing it leaves the pull running (it lives in the tasks slice); the sidebar indicator shows it.
 */
export function PullDialog({ initial = '', onClose, onRun }: PullDialogProps) {
  const inputId = useId();
  const errorId = useId();
  const toast = useStore((s) => s.toast);
  const [reference, setReference] = useState(initial);
  const [invalid, setInvalid] = useState<string | null>(null);
  const { state, start, cancel } = useTransfer('pull');
  const running = state.status === 'running';

  const submit = () => {
    const ref = reference.trim();
    const check = checkImageReference(ref);
    if (!check.ok) return setInvalid(check.reason);
    setInvalid(null);
    start(ref, () => toast({ tone: 'success', title: `Pulled ${ref}` }));
  };

  return (
    <Dialog
      title="Pull an image"
      wide
      onClose={onClose}
      footer={
        <>
          <CancelOrClose running={running} what="pull" onCancel={cancel} onClose={onClose} />
          {state.status === 'done' && onRun ? (
            <button type="button" className="btn btn-primary" onClick={() => onRun(state.reference)}>
              Run {state.reference}
            </button>
          ) : (
            <button type="submit" form={`${inputId}-form`} className="btn btn-primary" disabled={running}>
              {running ? 'Pulling…' : 'Pull'}
            </button>
          )}
        </>
      }
    >
      <form
        id={`${inputId}-form`}
        className="stack-tight"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>Image</label>
          <input
            id={inputId}
            className="input mono"
            value={reference}
            autoFocus
            spellCheck={false}
            placeholder="nginx:1.27 · ghcr.io/org/app:1 · 127.0.0.1:5000/app:1"
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? errorId : undefined}
            disabled={running}
            onChange={(e) => {
              setReference(e.target.value);
              setInvalid(null);
            }}
          />
          {invalid ? (
            <span id={errorId} className="field-error">
              {invalid}
            </span>
          ) : (
            <span className="field-hint">Without a tag Porthole pulls :latest. Private registries need a sign-in under Registries first.</span>
          )}
        </div>
      </form>
      {state.status !== 'idle' && (
        <div style={{ marginTop: 14 }}>
          <TransferOutcome state={state} />
        </div>
      )}
    </Dialog>
  );
}
