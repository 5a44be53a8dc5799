import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** The modules QEMU user networking needs in the guest: the virtio PCI transport and the virtio NIC. */
export const NETWORK_MODULES = ['virtio_pci', 'virtio_net'];

/** `kernel/drivers/net/virtio_net.ko.xz` → `virtio_net` (module names treat - and _ alike). */
export const moduleName = (path: string): string => basename(path).replace(/\.ko(\.(xz|zst|gz))?$/, '').replace(/-/g, '_');

export interface ModuleIndex {
  /** name → its file (relative to the modules folder) and the files it needs. */
  files: Map<string, { path: string; deps: string[] }>;
  builtin: Set<string>;
}

/** Parses `modules.dep` ("file: dep dep …") and `modules.builtin` (one file a line). */
export function parseModuleIndex(modulesDep: string, modulesBuiltin = ''): ModuleIndex {
  const files = new Map<string, { path: string; deps: string[] }>();
  for (const line of modulesDep.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const path = line.slice(0, colon).trim();
    const deps = line.slice(colon + 1).trim().split(/\s+/).filter(Boolean);
    files.set(moduleName(path), { path, deps: deps.map(moduleName) });
  }
  const builtin = new Set(modulesBuiltin.split('\n').map((l) => l.trim()).filter(Boolean).map(moduleName));
  return { files, builtin };
}

/**
 * The files to insmod for `wanted`, dependencies first, each once; built-in modules are skipped.
 * Throws when a wanted module is neither a file nor built in (the kernel cannot do virtio networking).
 */
export function loadOrder(index: ModuleIndex, wanted: string[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string, chain: string[]) => {
    if (seen.has(name) || index.builtin.has(name)) return;
    const entry = index.files.get(name);
    if (!entry) throw new Error(`The kernel has no module ${name} (needed by ${chain.join(' → ') || 'the VM'}) and does not build it in.`);
    seen.add(name);
    for (const dep of entry.deps) visit(dep, [...chain, name]);
    order.push(entry.path);
  };
  for (const name of wanted) visit(name.replace(/-/g, '_'), []);
  return order;
}

/** Reads the index of a modules folder (e.g. /lib/modules/6.1.0-28-cloud-amd64) and resolves `wanted`. */
export async function networkModuleFiles(modulesDir: string, wanted = NETWORK_MODULES): Promise<string[]> {
  const [dep, builtin] = await Promise.all([
    readFile(join(modulesDir, 'modules.dep'), 'utf8'),
    readFile(join(modulesDir, 'modules.builtin'), 'utf8').catch(() => ''),
  ]);
  return loadOrder(parseModuleIndex(dep, builtin), wanted).map((path) => join(modulesDir, path));
}
