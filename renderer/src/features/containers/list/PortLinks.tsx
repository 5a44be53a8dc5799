import type { MouseEvent } from 'react';
import type { PortBinding } from '../../../../../shared/dto';
import { api } from '../../../bridge';
import { useStore } from '../../../store';
import { describeError } from '../../../lib/error-text';

const LOOPBACK_FOR_ANY = new Set(['0.0.0.0', '::', '']);

/** The address a person opens for a published port: "any address" binds are reached on 127.0.0.1. */
export function portUrl(p: PortBinding): string | null {
  if (!p.publicPort || p.type !== 'tcp') return null;
  const host = !p.hostIp || LOOPBACK_FOR_ANY.has(p.hostIp) ? '127.0.0.1' : p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp;
  return `http://${host}:${p.publicPort}`;
}

/** One entry per published host port (the engine lists IPv4 and IPv6 binds separately). */
export function uniquePorts(ports: PortBinding[], showUnpublished = false): PortBinding[] {
  const seen = new Set<string>();
  const out: PortBinding[] = [];
  for (const p of ports) {
    if (!p.publicPort && !showUnpublished) continue;
    const key = p.publicPort ? `${p.publicPort}/${p.type}` : `-${p.privatePort}/${p.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.sort((a, b) => (a.publicPort ?? 1e6) - (b.publicPort ?? 1e6) || a.privatePort - b.privatePort);
}

async function open(event: MouseEvent<HTMLAnchorElement>, url: string) {
  event.preventDefault();
  const r = await api.invoke('host:open-external', { url });
  if (r.ok && r.data.opened) return;
  if (r.ok) {
    window.open(url, '_blank', 'noopener,noreferrer');
    return;
  }
  useStore.getState().toast({ tone: 'error', title: `Could not open ${url}`, body: describeError(r.error).body });
}

export function PortLinks({ ports, showUnpublished }: { ports: PortBinding[]; showUnpublished?: boolean }) {
  const list = uniquePorts(ports, showUnpublished);
  if (list.length === 0) return <span className="muted">—</span>;
  return (
    <span className="ports">
      {list.map((p) => {
        const url = portUrl(p);
        const key = `${p.publicPort ?? ''}-${p.privatePort}-${p.type}`;
        if (!url) {
          return (
            <span key={key} className="port muted" title={p.publicPort ? `${p.publicPort} → ${p.privatePort}/${p.type}` : 'Not published on the host'}>
              {p.publicPort ? `${p.publicPort}→` : ''}
              {p.privatePort}/{p.type}
            </span>
          );
        }
        const label = url.replace(/^http:\/\//, '');
        const host = label.slice(0, label.length - String(p.publicPort).length);
        return (
          <span key={key} className="port-pair">
            <a className="port" href={url} target="_blank" rel="noreferrer" title={`Open ${url} (container port ${p.privatePort})`} aria-label={label} onClick={(e) => void open(e, url)}>
              {/* A narrow list folds the usual loopback host away so both port numbers stay readable. */}
              <span className={host === '127.0.0.1:' ? 'port-host port-loopback' : 'port-host'}>{host}</span>
              {p.publicPort}
            </a>
            <span className="muted small" aria-label={`to container port ${p.privatePort}`}>
              →{p.privatePort}
            </span>
          </span>
        );
      })}
    </span>
  );
}
