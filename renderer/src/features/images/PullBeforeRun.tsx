import { useEffect } from 'react';
import { Dialog } from '../../components/Dialog';
import type { TransferProgress } from '../../../../shared/api/registry';
import type { TransferView } from '../../store/transfer-progress';
import { TransferOutcome } from '../registries/TransferOutcome';
import { useTransfer } from '../registries/use-transfer';
import { CancelOrClose } from '../tasks/CancelOrClose';

/**
 * Pulls an image the engine does not have, in place, with the Pull dialog's per-layer progress
 * (the same `images:pull` task). Calls `onPulled` with the final snapshot once it is here.
 */
export function usePullInPlace(image: string, onPulled: (progress: TransferProgress) => void) {
  const transfer = useTransfer('pull');
  const { status, progress } = transfer.state;
  useEffect(() => {
    if (status === 'done' && progress) onPulled(progress);
    // onPulled is called once per finished pull, not when the parent re-renders with a new callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, progress]);
  return { ...transfer, pull: () => transfer.start(image) };
}

/** What the in-place pull looks like while it runs, and why it stopped if it did. */
export function PullInPlaceStatus({ state }: { state: TransferView }) {
  return <TransferOutcome state={state} testId="run-pull" />;
}

/** The Run dialog's first step when the image is not on this engine: pull it, then set up the container. */
export function PullBeforeRunDialog({ image, onPulled, onClose }: { image: string; onPulled: (progress: TransferProgress) => void; onClose: () => void }) {
  const { state, pull, cancel } = usePullInPlace(image, onPulled);
  const pulling = state.status === 'running';
  const running = pulling || state.status === 'done';
  return (
    <Dialog
      title="Run a container"
      wide
      onClose={onClose}
      footer={
        <>
          <CancelOrClose running={pulling} what="pull" onCancel={cancel} onClose={onClose} closeLabel="Cancel" />
          <button type="button" className="btn btn-primary btn-wrap" disabled={running} onClick={pull}>
            {running ? 'Pulling…' : state.status === 'failed' || state.status === 'cancelled' ? `Try again: pull ${image}` : `Pull ${image}`}
          </button>
        </>
      }
    >
      <div className="stack-tight">
        <p className="muted run-image">
          Image <span className="mono">{image}</span>
        </p>
        <p data-testid="run-missing-image">
          This image is not on this engine yet. Pull it from its registry first; then you choose the container&apos;s name, ports and settings.
        </p>
        <PullInPlaceStatus state={state} />
      </div>
    </Dialog>
  );
}
