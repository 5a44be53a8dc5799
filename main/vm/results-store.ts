import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VmMeasurement, VmResults } from '../../shared/api/vm';
import { writeFileAtomic } from '../lib/atomic-file';
import { dataDir } from '../lib/data-dir';

const FILE_NAME = 'vm-measurements.json';
const MAX_RESULTS = 100;

const looksLikeMeasurement = (value: unknown): value is VmMeasurement => {
  const m = value as VmMeasurement;
  return typeof m === 'object' && m !== null && typeof m.image === 'string' && typeof m.accelerator === 'string' && typeof m.vm?.answerMs === 'number' && typeof m.container?.answerMs === 'number';
};

/**
 * The VM measurements, newest first, one per image and accelerator (a re-run replaces the older one),
 * in `vm-measurements.json` in the data folder. A damaged file reads as empty and is replaced on the
 * next save.
 */
export class VmResultsStore {
  readonly file: string;

  constructor(dir = dataDir()) {
    this.file = join(dir, FILE_NAME);
  }

  async list(): Promise<VmResults> {
    let results: VmMeasurement[] = [];
    try {
      const json = JSON.parse(await readFile(this.file, 'utf8')) as { version?: number; results?: unknown[] };
      results = (json.results ?? []).filter(looksLikeMeasurement);
    } catch {
      results = [];
    }
    return { results, file: this.file };
  }

  async save(measurement: VmMeasurement): Promise<VmResults> {
    const { results } = await this.list();
    const others = results.filter((r) => !(r.imageId === measurement.imageId && r.accelerator === measurement.accelerator));
    const next = [measurement, ...others].slice(0, MAX_RESULTS);
    await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, results: next }, null, 2)}\n`);
    return { results: next, file: this.file };
  }
}
