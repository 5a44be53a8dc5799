import type { VmMeasurement } from '../../shared/api/vm';
import { EMULATED_LABEL, formatBinary, formatDecimal, formatDuration } from '../../shared/compare-units';

/** The CLI's text form: the container and the VM, figure by figure. */
export function measurementTable(m: VmMeasurement): string {
  const accel = m.emulated ? `TCG — ${EMULATED_LABEL}` : m.accelerator.toUpperCase();
  const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)} %`);
  const rows: [string, string, string][] = [
    ['start → answering', formatDuration(m.container.answerMs), formatDuration(m.vm.answerMs)],
    ['memory', formatBinary(m.container.memoryBytes), `${formatBinary(m.vm.rssBytes)} (QEMU resident; guest given ${m.guestMemoryMiB} MiB)`],
    ['disk', formatDecimal(m.container.diskBytes), `${formatDecimal(m.vm.diskBytes)} (kernel ${formatDecimal(m.vm.kernelBytes)} + initramfs ${formatDecimal(m.vm.initramfsBytes)})`],
    [`CPU idle (${m.idleSeconds} s)`, pct(m.container.idleCpuPercent), pct(m.vm.idleCpuPercent)],
  ];
  const lines = [`${m.containerName} (${m.image}) on ${m.machine.hostname}: container vs local VM (${accel})`];
  for (const [name, c, v] of rows) lines.push(`  ${name.padEnd(20)} ${c.padEnd(14)} ${v}`);
  if (m.vm.kernelMs !== null) lines.push(`  VM boot: kernel at ${formatDuration(m.vm.kernelMs)}, init at ${m.vm.initMs === null ? '—' : formatDuration(m.vm.initMs)}`);
  if (m.fallback) lines.push(`  ${m.fallback}`);
  lines.push(`  same answer to GET /: ${m.sameAnswer === null ? 'not HTTP' : m.sameAnswer ? 'yes' : 'no'}`);
  return lines.join('\n');
}
