import { readFileSync } from 'node:fs';

/** Busy and total jiffies of all CPUs since boot (/proc/stat's first line). */
function cpuJiffies(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * Waits until the machine has been nearly idle for a second (under 15 % busy), at most `limitMs`. The step
 * before may leave the engine busy for seconds (tearing down 200 running containers, deleting 5,000): that
 * work belongs to the bench, not to the next figure. Says so when it waited, and returns how long.
 */
export async function waitForQuietMachine(before: string, limitMs = 30_000): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < limitMs) {
    const a = cpuJiffies();
    await new Promise((r) => setTimeout(r, 1_000));
    const b = cpuJiffies();
    if ((b.busy - a.busy) / Math.max(1, b.total - a.total) < 0.15) break;
  }
  const waited = Date.now() - t0;
  if (waited > 1_500) console.log(`bench: ${before} waited ${Math.round(waited / 1000)} s for the machine to go quiet`);
  return waited;
}
