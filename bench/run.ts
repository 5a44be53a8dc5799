/**
 * `npm run bench`: sets up its own labelled objects on the real engine, measures, cleans up, prints a table
 * and writes bench/results.json. Every figure is a median over repeated runs, with its baseline measured in
 * the same run.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildBenchImage, cleanupBench, docker } from './lib/engine';
import type { Figure } from './lib/figure';
import { startServed } from './lib/serve';
import { listLatency } from './figures/b1-list';

function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.id,
    f.name,
    `${f.value} ${f.unit}`,
    f.baseline === undefined ? '' : `${f.baseline} ${f.unit}`,
    f.ratio === undefined ? '' : `${f.ratio}×`,
    f.goal,
    f.met === undefined ? '' : f.met ? 'met' : 'MISSED',
  ]);
  const header = ['#', 'figure', 'Porthole', 'baseline', 'ratio', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const wants = (id: string) => only.length === 0 || only.includes(id);
  const started = Date.now();
  const version = await docker.version();
  console.log(`bench: engine ${version.Version} (API ${version.ApiVersion}), ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB`);
  buildBenchImage();
  const figures: Figure[] = [];
  const served = await startServed();
  try {
    if (wants('B1')) {
      const r = await listLatency(served);
      figures.push(...r.figures);
    }
  } finally {
    await served.stop();
    await cleanupBench();
  }
  printTable(figures);
  const results = {
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryBytes: totalmem(), engine: version.Version, api: version.ApiVersion, node: process.version },
    seconds: Math.round((Date.now() - started) / 1000),
    figures,
  };
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2));
  console.log(`\nbench: done in ${results.seconds} s; wrote bench/results.json`);
}

main().catch(async (error) => {
  console.error(error);
  await cleanupBench().catch(() => {});
  process.exit(1);
});
