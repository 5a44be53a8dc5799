/**
 * The secondary footer button of a dialog that shows a task: Cancel while it runs (closing the dialog
 * keeps it running, and says so), else the dialog's own close.
 */
export function CancelOrClose({ running, what, onCancel, onClose, closeLabel = 'Close' }: { running: boolean; what: string; onCancel: () => void; onClose: () => void; closeLabel?: string }) {
  if (!running)
    return (
      <button type="button" className="btn" onClick={onClose}>
        {closeLabel}
      </button>
    );
  return (
    <>
      <span className="muted small footer-note">Closing keeps the {what} running.</span>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel {what}
      </button>
    </>
  );
}
