import { useEffect, useState } from 'react';
import { api } from '../../bridge';
import type { ImageDetail } from '../../../../shared/api/images';
import type { ApiError } from '../../../../shared/errors';
import type { PortRow } from './run-form';

let nextPortKey = 0;
export const newPortRow = (hostPort = '', containerPort = '', protocol: 'tcp' | 'udp' = 'tcp'): PortRow => ({ key: ++nextPortKey, hostPort, containerPort, protocol });

export type Prefill = { state: 'loading' } | { state: 'ready'; detail: ImageDetail; ports: PortRow[] } | { state: 'error'; error: ApiError };

/**
 * Reads the image (EXPOSE, CMD) and proposes a host port for each exposed port: the same number
 * when it is free on this machine, else the next free one. A new `attempt` reads it again (after a pull).
 */
export function useRunPrefill(image: string, attempt = 0): Prefill {
  // Tagged with what it was read for, so a new attempt shows "loading" until its own answer arrives.
  const [read, setRead] = useState<{ key: string; prefill: Prefill }>({ key: '', prefill: { state: 'loading' } });
  const key = `${attempt}:${image}`;
  useEffect(() => {
    let live = true;
    const done = (prefill: Prefill) => live && setRead({ key, prefill });
    void (async () => {
      const r = await api.invoke('images:inspect', { id: image });
      if (!r.ok) return done({ state: 'error', error: r.error });
      const ports = await Promise.all(
        r.data.exposedPorts
          .filter((p) => p.protocol === 'tcp' || p.protocol === 'udp')
          .map(async (p) => {
            // Ports below 1024 need root to bind on most hosts: propose 8080 for 80, as people usually do.
            const free = await api.invoke('host:free-port', { from: p.port < 1024 ? 8000 + p.port : p.port });
            return newPortRow(free.ok ? String(free.data.port) : '', String(p.port), p.protocol as 'tcp' | 'udp');
          }),
      );
      done({ state: 'ready', detail: r.data, ports });
    })();
    return () => {
      live = false;
    };
  }, [image, key]);
  return read.key === key ? read.prefill : { state: 'loading' };
}
