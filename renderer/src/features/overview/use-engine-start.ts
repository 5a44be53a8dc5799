import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../bridge';
import type { ApiError } from '../../../../shared/errors';

export interface EngineStartState {
  candidateId: string | null;
  status: 'idle' | 'starting' | 'started' | 'failed' | 'cancelled';
  /** The program's own output, newest last (bounded). */
  output: string[];
  waiting: string | null;
  error: ApiError | null;
}

const idle: EngineStartState = { candidateId: null, status: 'idle', output: [], waiting: null, error: null };
const MAX_LINES = 200;

/** Starts one installed engine through `engine-setup:start`; unmounting or Cancel stops it. */
export function useEngineStart() {
  const [state, setState] = useState<EngineStartState>(idle);
  const close = useRef<(() => void) | null>(null);
  const stop = useCallback(() => {
    close.current?.();
    close.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = useCallback(
    (candidateId: string) => {
      stop();
      setState({ ...idle, candidateId, status: 'starting' });
      close.current = api.subscribe('engine-setup:start', { candidateId }, (message) => {
        if (message.kind === 'data') {
          const event = message.data;
          setState((s) => {
            if (event.kind === 'output') return { ...s, output: [...s.output, event.line].slice(-MAX_LINES) };
            if (event.kind === 'waiting') return { ...s, waiting: event.message };
            return { ...s, status: 'started', waiting: null };
          });
        } else if (message.kind === 'error') {
          close.current = null;
          setState((s) => ({ ...s, status: message.error.code === 'CANCELLED' ? 'cancelled' : 'failed', error: message.error, waiting: null }));
        } else {
          close.current = null;
        }
      });
    },
    [stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState((s) => (s.status === 'starting' ? { ...s, status: 'cancelled', waiting: null } : s));
  }, [stop]);

  return { state, start, cancel };
}
