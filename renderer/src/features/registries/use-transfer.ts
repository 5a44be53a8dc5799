import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../bridge';
import type { ApiError } from '../../../../shared/errors';
import type { TransferProgress } from '../../../../shared/api/registry';

export type TransferStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface TransferState {
  status: TransferStatus;
  reference: string;
  progress: TransferProgress | null;
  error: ApiError | null;
}

const idle: TransferState = { status: 'idle', reference: '', progress: null, error: null };

/** Runs one pull or push stream at a time; unmounting cancels it (the engine stops the transfer). */
export function useTransfer(kind: 'pull' | 'push') {
  const [state, setState] = useState<TransferState>(idle);
  const close = useRef<(() => void) | null>(null);

  const stop = useCallback(() => {
    close.current?.();
    close.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    (reference: string, onDone?: (p: TransferProgress) => void) => {
      stop();
      setState({ status: 'running', reference, progress: null, error: null });
      let last: TransferProgress | null = null;
      close.current = api.subscribe(kind === 'pull' ? 'images:pull' : 'images:push', { reference }, (message) => {
        if (message.kind === 'data') {
          last = message.data;
          setState((s) => ({ ...s, progress: message.data }));
        } else if (message.kind === 'end') {
          close.current = null;
          setState((s) => ({ ...s, status: 'done' }));
          if (last) onDone?.(last);
        } else {
          close.current = null;
          setState((s) => ({ ...s, status: message.error.code === 'CANCELLED' ? 'cancelled' : 'failed', error: message.error }));
        }
      });
    },
    [kind, stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled' } : s));
  }, [stop]);

  const reset = useCallback(() => {
    stop();
    setState(idle);
  }, [stop]);

  return { state, start, cancel, reset };
}
