import { useId, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/errors';
import { Dialog } from './Dialog';
import { ErrorBox } from './ErrorBox';

export interface FormDialogProps {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  primaryLabel: string;
  busyLabel?: string;
  busy?: boolean;
  canSubmit?: boolean;
  error?: ApiError | null;
  wide?: boolean;
  children: ReactNode;
}

/** A dialog around one form: Cancel, a primary button that shows when it is busy, and the error in words. */
export function FormDialog({ title, onClose, onSubmit, primaryLabel, busyLabel, busy, canSubmit = true, error, wide, children }: FormDialogProps) {
  const id = useId();
  return (
    <Dialog
      title={title}
      wide={wide}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={id} className="btn btn-primary" disabled={busy || !canSubmit} aria-busy={busy || undefined}>
            {busy ? (busyLabel ?? 'Working…') : primaryLabel}
          </button>
        </>
      }
    >
      <form
        id={id}
        className="form-stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && canSubmit) onSubmit();
        }}
      >
        {children}
        {error && <ErrorBox error={error} />}
      </form>
    </Dialog>
  );
}
