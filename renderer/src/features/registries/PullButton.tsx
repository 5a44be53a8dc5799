import { useState } from 'react';
import { useStore } from '../../store';
import { PullDialog } from './PullDialog';

/** The "Pull" button for a view's header; hosts its own dialog. */
export function PullButton({ onRun, primary }: { onRun?: (reference: string) => void; primary?: boolean }) {
  const [open, setOpen] = useState(false);
  const connected = useStore((s) => s.status.state === 'connected');
  return (
    <>
      <button type="button" className={primary ? 'btn btn-primary' : 'btn'} disabled={!connected} onClick={() => setOpen(true)}>
        Pull image
      </button>
      {open && (
        <PullDialog
          onClose={() => setOpen(false)}
          onRun={
            onRun
              ? (ref) => {
                  setOpen(false);
                  onRun(ref);
                }
              : undefined
          }
        />
      )}
    </>
  );
}
