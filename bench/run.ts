/**
 * `npm run bench`: sets up its own labelled objects on the real engine, measures, cleans up, prints a table
 * and writes bench/results.json. A time is a median over repeated runs, with its baseline measured in the
 * same run; a "longest" figure (B5c, B6a) is the worst of its one run. Each figure starts once the machine is
 * quiet again after the step before (removing or starting hundreds of containers keeps the engine busy).
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildBenchImage, cleanupBench, createContainers, docker, removeContainers } from './lib/engine';
import { launchBrowser } from './lib/browser';
import type { Figure } from './lib/figure';
import { startServed } from './lib/serve';
import { waitForQuietMachine } from './lib/quiet';
import { listLatency } from './figures/b1-list';
import { eventToScreen } from './figures/b2-event';
import { eventStorm } from './figures/b3-storm';
import { firstPaint } from './figures/b4-first-paint';
import { bigList } from './figures/b5-big-list';
import { logFirehose } from './figures/b6-logs';
import { idleCost, memoryWithList, noLeak } from './figures/b7-b9-cost';
import { deployRatio } from './figures/b10-deploy';
import { keystrokeEcho, terminalFirehose } from './figures/b11-b12-terminal';
import { composeUpRatio } from './figures/b13-compose';
import { vmBootBeside } from './figures/b16-vm-boot';
import { swarmUpdateRatio } from './figures/b15-swarm-update';
import { switchToList } from './figures/b14-switch';

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
  const browser = await launchBrowser();
  const step = async (id: string, fn: () => Promise<Figure[]>) => {
    if (!wants(id)) return;
    await waitForQuietMachine(id);
    const t0 = Date.now();
    try {
      figures.push(...(await fn()));
    } catch (error) {
      figures.push({ id, name: `${id} could not be measured: ${(error as Error).message.split('\n')[0]}`, value: NaN, unit: '', goal: '', met: false });
    }
    console.log(`bench: ${id} took ${Math.round((Date.now() - t0) / 1000)} s`);
  };
  try {
    let many: string[] = [];
    await step('B1', async () => {
      const r = await listLatency(served);
      many = r.ids;
      return r.figures;
    });
    await step('B9', () => memoryWithList(browser, served));
    await step('B5', async () => {
      many = many.concat(await createContainers(5000 - many.length, 'b5'));
      await waitForQuietMachine('B5, its 5,000 containers made,');
      return bigList(browser, served);
    });
    await removeContainers(many);
    await step('B3', async () => {
      const r = await eventStorm(browser, served);
      await removeContainers(r.ids);
      return r.figures;
    });
    await step('B2', () => eventToScreen(browser, served));
    let running: string[] = [];
    await step('B7', async () => {
      const r = await idleCost(browser, served);
      running = r.ids;
      return r.figures;
    });
    await step('B8', () => noLeak(browser, served));
    await step('B4', async () => {
      running = running.concat(await createContainers(200 - running.length, 'b4', true));
      await waitForQuietMachine('B4, its 200 containers started,');
      return firstPaint(browser);
    });
    await removeContainers(running);
    await step('B6', () => logFirehose(served));
    await step('B10', () => deployRatio(served));
    await step('B11', () => keystrokeEcho(served));
    await step('B12', () => terminalFirehose(browser, served));
    await step('B13', () => composeUpRatio(served));
    await step('B14', () => switchToList(browser));
    await step('B15', () => swarmUpdateRatio());
    await step('B16', () => vmBootBeside(served));
  } finally {
    await browser.close();
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
