import { useCallback, useEffect, useState } from 'react';
import type { EngineList } from '../../../../shared/api/engines';
import type { ApiError } from '../../../../shared/errors';
import { api } from '../../bridge';
import { useStore } from '../../store';
import type { NewContext } from './AddEngine';

/** The engine list, fetched again whenever the connection's status changes (a switch, a drop, a reconnect). */
export function useEngines() {
  const status = useStore((s) => s.status);
  const [list, setList] = useState<EngineList | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // "connecting" says nothing new about the engines (a switch's own answer carries the list) and a probe
  // then would compete with the new engine's first list: fetch once the connection has an answer.
  const settled = status.state === 'connecting' ? null : `${status.state} ${status.endpoint}`;
  useEffect(() => {
    if (settled === null) return;
    let live = true;
    void api.invoke('engines:list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setList(r.data);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [settled]);

  const run = useCallback(async (call: () => ReturnType<typeof api.invoke<'engines:list'>>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const r = await call();
    setBusy(false);
    if (r.ok) setList(r.data);
    else setError(r.error);
    return r.ok;
  }, []);

  return {
    list,
    busy,
    error,
    switchTo: (id: string) => run(() => api.invoke('engines:switch', { id })),
    trustHostKey: (id: string, fingerprint: string) => run(() => api.invoke('engines:trust-host-key', { id, fingerprint })),
    setStartWith: (id: string | null) => run(() => api.invoke('engines:set-start-with', { id })),
    createContext: (input: NewContext) => run(() => api.invoke('engines:create-context', input)),
  };
}
