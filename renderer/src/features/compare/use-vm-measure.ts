import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../bridge';
import type { VmMeasureEvent, VmMeasurement, VmSetup } from '../../../../shared/api/vm';
import type { ApiError } from '../../../../shared/errors';

export type PhaseEvent = Extract<VmMeasureEvent, { kind: 'phase' }>;

/**
 * "Measure as a VM": the host's setup, the kept results, and one measurement at a time. Cancelling
 * (or leaving the panel) unsubscribes, which stops the VM and removes its files on the main side.
 */
export function useVmMeasure() {
  const [setup, setSetup] = useState<VmSetup | null>(null);
  const [results, setResults] = useState<VmMeasurement[]>([]);
  const [phases, setPhases] = useState<PhaseEvent[]>([]);
  const [running, setRunning] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const stop = useRef<(() => void) | null>(null);

  const checkSetup = useCallback(async (kernelPath?: string) => {
    const r = await api.invoke('compare:vm-setup', kernelPath ? { kernelPath } : {});
    if (r.ok) setSetup(r.data);
    else setError(r.error);
  }, []);

  useEffect(() => {
    let live = true;
    void api.invoke('compare:vm-setup', {}).then((r) => live && (r.ok ? setSetup(r.data) : setError(r.error)));
    void api.invoke('compare:vm-results', {}).then((r) => live && r.ok && setResults(r.data.results));
    return () => {
      live = false;
      stop.current?.();
    };
  }, []);

  const measure = useCallback((container: string, kernelPath?: string) => {
    stop.current?.();
    setPhases([]);
    setError(null);
    setRunning(container);
    const close = api.subscribe('compare:measure-vm', { container, ...(kernelPath ? { kernelPath } : {}) }, (message) => {
      if (message.kind === 'data') {
        const event = message.data;
        if (event.kind === 'phase') setPhases((list) => [...list, event]);
        else setResults((list) => [event.measurement, ...list.filter((m) => !(m.imageId === event.measurement.imageId && m.accelerator === event.measurement.accelerator))]);
        return;
      }
      if (message.kind === 'error') setError(message.error);
      stop.current = null;
      setRunning(null);
    });
    stop.current = close;
  }, []);

  const cancel = useCallback(() => {
    stop.current?.();
    stop.current = null;
    setRunning(null);
    setPhases((list) => [...list, { kind: 'phase', phase: 'stop', message: 'Cancelled: the VM was stopped and its files removed.', elapsedMs: list.at(-1)?.elapsedMs ?? 0 }]);
  }, []);

  return { setup, results, phases, running, error, measure, cancel, checkSetup };
}
