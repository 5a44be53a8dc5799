import type { CompareModel, ProfileFigure, VmProfile } from '../../../../shared/api/compare';
import { formatBinary, formatDecimal, formatDuration } from '../../../../shared/compare-units';

export interface Segment {
  key: string;
  value: number;
  /** Index into the palette: one colour per container, the same on both sides. */
  color: number;
  /** A lighter shade for the part a VM adds (the guest OS). */
  overhead?: boolean;
  tooltip: string;
}

export interface BarRow {
  label: string;
  /** null: no figure to draw; `note` says why. */
  segments: Segment[] | null;
  total: number | null;
  totalText: string;
  note?: string;
  tooltip: string;
}

/** Where a profile figure comes from, for tooltips: "Microsoft Learn, … (verified)". */
export function sourceText(profile: VmProfile, figure: ProfileFigure): string {
  const found = profile.sources.filter((s) => s.figure === figure);
  if (!found.length) return profile.builtIn ? 'No source recorded.' : 'Set by you in Porthole.';
  return found.map((s) => `${s.text} (${s.certainty})`).join(' ');
}

const MEMORY_HOW = 'Measured by Porthole: memory in use without page cache (cgroup usage minus inactive_file, as docker stats shows it), from the engine’s stats API.';

export function memoryRows(model: CompareModel): BarRow[] {
  const p = model.vm.profile;
  const containers = model.containers.map((c, i) => ({
    key: c.id,
    value: c.memoryBytes,
    color: i,
    tooltip: `${c.name}: ${formatBinary(c.memoryBytes)}. ${MEMORY_HOW}`,
  }));
  const guest = p.guestMemoryBytes + p.overheadBytes;
  const guestSource = `${sourceText(p, 'memory')}${p.overheadBytes ? ` Host overhead: ${sourceText(p, 'overhead')}` : ''}`;
  const vms = model.vm.perVm.flatMap((v, i) => [
    { key: `${v.id}-os`, value: guest, color: i, overhead: true, tooltip: `${v.name} as a VM — guest OS memory ${formatBinary(guest)}: ${guestSource}` },
    { key: `${v.id}-work`, value: v.workloadBytes, color: i, tooltip: `${v.name} as a VM — its workload ${formatBinary(v.workloadBytes)}, the container’s measured memory.` },
  ]);
  return [
    { label: 'Containers', segments: containers, total: model.totals.memoryBytes, totalText: formatBinary(model.totals.memoryBytes), tooltip: `Total of ${model.totals.count} containers. ${MEMORY_HOW}` },
    {
      label: `As ${model.vm.count} VM${model.vm.count === 1 ? '' : 's'}`,
      segments: vms,
      total: model.vm.memoryBytes,
      totalText: formatBinary(model.vm.memoryBytes),
      tooltip: `Per VM: ${formatBinary(guest)} for the guest OS (${p.name}) + that workload’s measured memory.`,
    },
  ];
}

export function diskRows(model: CompareModel): BarRow[] {
  const p = model.vm.profile;
  const images = new Map<string, { bytes: number; color: number; names: string[] }>();
  model.containers.forEach((c, i) => {
    const entry = images.get(c.imageId) ?? { bytes: c.imageBytes, color: i, names: [] };
    entry.names.push(c.name);
    images.set(c.imageId, entry);
  });
  const imageSegments: Segment[] = [...images.entries()].map(([id, e]) => ({
    key: `img-${id}`,
    value: e.bytes,
    color: e.color,
    overhead: true,
    tooltip: `Image ${formatDecimal(e.bytes)}, stored once and shared by ${e.names.join(', ')}. From the engine’s /system/df.`,
  }));
  const writable: Segment[] = model.containers.map((c, i) => ({
    key: `rw-${c.id}`,
    value: c.writableBytes,
    color: i,
    tooltip: `${c.name}: writable layer ${formatDecimal(c.writableBytes)}. From the engine’s /system/df.`,
  }));
  const vmDisk = p.osDiskBytes;
  const vmRow: BarRow =
    vmDisk === null || model.vm.diskBytes === null
      ? { label: `As ${model.vm.count} VMs`, segments: null, total: null, totalText: '', note: p.diskNote ?? 'not published', tooltip: sourceText(p, 'disk') }
      : {
          label: `As ${model.vm.count} VM${model.vm.count === 1 ? '' : 's'}`,
          segments: model.vm.perVm.map((v, i) => ({ key: `os-${v.id}`, value: vmDisk, color: i, overhead: true, tooltip: `${v.name} as a VM: its own OS disk, ${formatDecimal(vmDisk)}. ${sourceText(p, 'disk')}` })),
          total: model.vm.diskBytes,
          totalText: formatDecimal(model.vm.diskBytes),
          tooltip: `One OS disk per VM: ${model.vm.count} × ${formatDecimal(vmDisk)}. ${sourceText(p, 'disk')}`,
        };
  return [
    {
      label: 'Containers',
      segments: [...imageSegments, ...writable],
      total: model.totals.diskBytes,
      totalText: formatDecimal(model.totals.diskBytes),
      tooltip: 'Each image once (containers of one image share it) plus every writable layer. From the engine’s /system/df.',
    },
    vmRow,
  ];
}

export function startHow(source: 'events' | 'inspect' | null): string {
  if (source === 'events') return 'Measured by Porthole from the engine’s own event times: create → start.';
  if (source === 'inspect') return 'Started before Porthole was watching: from inspect’s Created → State.StartedAt.';
  return 'Not measurable: it restarted, or was created and started separately.';
}

export function startRows(model: CompareModel): BarRow[] {
  const p = model.vm.profile;
  const rows: BarRow[] = model.containers.map((c, i) => {
    const ready = c.readyMs !== null ? ` Its port ${c.readyPort} first answered ${formatDuration(c.readyMs)} after create.` : '';
    return c.startMs === null
      ? { label: c.name, segments: null, total: null, totalText: '', note: 'not measurable', tooltip: startHow(null) }
      : {
          label: c.name,
          segments: [{ key: c.id, value: c.startMs, color: i, tooltip: `${c.name}: ${formatDuration(c.startMs)}. ${startHow(c.startSource)}${ready}` }],
          total: c.startMs,
          totalText: `${formatDuration(c.startMs)}${c.startSource === 'inspect' ? ' †' : ''}${c.readyMs !== null ? ` (answers at ${formatDuration(c.readyMs)})` : ''}`,
          tooltip: `${startHow(c.startSource)}${ready}`,
        };
  });
  const boot = p.bootMs;
  rows.push(
    boot === null
      ? { label: 'A VM boots', segments: null, total: null, totalText: '', note: p.bootNote ?? 'not published', tooltip: sourceText(p, 'boot') }
      : {
          label: 'A VM boots',
          segments: [{ key: 'boot', value: boot, color: -1, overhead: true, tooltip: `${p.name}: ${formatDuration(boot)}. ${sourceText(p, 'boot')}` }],
          total: boot,
          totalText: `${formatDuration(boot)}${p.bootNote ? ` (${p.bootNote})` : ''}`,
          tooltip: sourceText(p, 'boot'),
        },
  );
  return rows;
}
