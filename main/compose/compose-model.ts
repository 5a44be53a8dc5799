/** Reads the merged compose model into what the preview shows: pure, no I/O. */
import type { ComposePortPreview, ComposeServicePreview } from '../../shared/api/compose';
import { listToMap } from './merge';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_RANGE = 100;

function expand(range: string): number[] {
  const [a, b] = range.split('-').map(Number);
  if (!Number.isInteger(a)) return [];
  if (b === undefined || !Number.isInteger(b) || b < a) return [a];
  return Array.from({ length: Math.min(b - a + 1, MAX_RANGE) }, (_, i) => a + i);
}

/** Short syntax `[IP:][HOST:]CONTAINER[/PROTO]` (IPv6 in brackets) or the long mapping form. */
export function parsePorts(ports: unknown): Omit<ComposePortPreview, 'taken'>[] {
  if (!Array.isArray(ports)) return [];
  const out: Omit<ComposePortPreview, 'taken'>[] = [];
  for (const entry of ports) {
    if (isObj(entry)) {
      const published = entry.published === undefined ? undefined : String(entry.published);
      const hostPorts = published ? expand(published) : [];
      const base = { containerPort: String(entry.target ?? ''), protocol: String(entry.protocol ?? 'tcp'), ...(entry.host_ip ? { hostIp: String(entry.host_ip) } : {}) };
      if (hostPorts.length === 0) out.push(base);
      for (const hostPort of hostPorts) out.push({ ...base, hostPort });
      continue;
    }
    const text = String(entry);
    const [spec, protocol = 'tcp'] = text.split('/');
    let hostIp: string | undefined;
    let rest = spec;
    const v6 = /^\[([^\]]+)\]:(.*)$/.exec(spec);
    if (v6) {
      hostIp = v6[1];
      rest = v6[2];
    }
    const parts = rest.split(':');
    if (!v6 && parts.length === 3) hostIp = parts.shift();
    const containerPort = parts.pop() ?? '';
    const host = parts.pop();
    if (!host) {
      out.push({ containerPort, protocol, ...(hostIp ? { hostIp } : {}) });
      continue;
    }
    for (const hostPort of expand(host)) out.push({ containerPort, protocol, hostPort, ...(hostIp ? { hostIp } : {}) });
  }
  return out;
}

const volumeText = (v: unknown): string => (isObj(v) ? `${String(v.source ?? '(anonymous)')}:${String(v.target ?? '')}` : String(v));

export function servicePreviews(model: Obj): (Omit<ComposeServicePreview, 'ports'> & { ports: Omit<ComposePortPreview, 'taken'>[] })[] {
  const services = isObj(model.services) ? model.services : {};
  return Object.entries(services)
    .map(([name, raw]) => {
      const s = isObj(raw) ? raw : {};
      const build = typeof s.build === 'string' ? s.build : isObj(s.build) ? String(s.build.context ?? '.') : undefined;
      const dependsOn = Array.isArray(s.depends_on) ? s.depends_on.map(String) : isObj(s.depends_on) ? Object.keys(s.depends_on) : [];
      return {
        name,
        ...(typeof s.image === 'string' ? { image: s.image } : {}),
        ...(build !== undefined ? { build } : {}),
        ports: parsePorts(s.ports),
        volumes: Array.isArray(s.volumes) ? s.volumes.map(volumeText) : [],
        envNames: Object.keys(listToMap(s.environment)).sort(),
        dependsOn,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const topLevelNames = (model: Obj, key: 'volumes' | 'networks'): string[] => (isObj(model[key]) ? Object.keys(model[key]) : []);
