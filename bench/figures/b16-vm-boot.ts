import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { VmMeasureEvent, VmMeasurement } from '../../shared/api/vm';
import { BENCH_ID, BENCH_LABEL, benchImage, docker } from '../lib/engine';
import { round } from '../lib/stats';
import { WsClient, type Served } from '../lib/serve';
import type { Figure } from '../lib/figure';

const exec = promisify(execFile);

/**
 * B16: the same busybox httpd workload as a container and as a local QEMU VM, measured in one
 * `compare:measure-vm` run through the browser host: start → answering and memory, VM ÷ container.
 * One boot (6–30 s under TCG); no goal — it is a figure to show, not a target.
 */
export async function vmBootBeside(served: Served): Promise<Figure[]> {
  const { stdout } = await exec('docker', ['run', '-d', '--label', `${BENCH_LABEL}=${BENCH_ID}`, '-p', '127.0.0.1::8080', benchImage, '/bin/busybox', 'httpd', '-f', '-p', '8080', '-h', '/bin']);
  const id = stdout.trim();
  const client = await WsClient.connect(served);
  try {
    let m: VmMeasurement | null = null;
    await client.stream('compare:measure-vm', { container: id, idleSeconds: 2 }, (data) => {
      const e = data as VmMeasureEvent;
      if (e.kind === 'result') m = e.measurement;
    });
    if (!m) throw new Error('compare:measure-vm ended without a result');
    const r: VmMeasurement = m;
    const accel = r.emulated ? 'TCG, emulated' : r.accelerator.toUpperCase();
    return [
      {
        id: 'B16',
        name: `busybox httpd: start → answering, local VM (${accel}) vs container, same run`,
        value: round(r.vm.answerMs),
        unit: 'ms',
        baseline: round(r.container.answerMs),
        baselineName: 'a fresh container of the same image, same probe',
        ratio: round(r.vm.answerMs / r.container.answerMs),
        goal: 'figure only',
        note: `memory ${round(r.vm.rssBytes / 2 ** 20)} MiB (QEMU RSS) vs ${round(r.container.memoryBytes / 2 ** 20)} MiB; disk ${round(r.vm.diskBytes / 1e6)} MB vs ${round(r.container.diskBytes / 1e6)} MB${r.fallback ? `; ${r.fallback}` : ''}`,
      },
    ];
  } finally {
    client.close();
    await docker.getContainer(id).remove({ force: true }).catch(() => {});
  }
}
