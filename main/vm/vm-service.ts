import type { VmMeasureEvent, VmMeasurement, VmResults, VmSetup } from '../../shared/api/vm';
import type { EngineConnection } from '../engine/connection';
import { measureVm, type MeasureOptions } from './measure-vm';
import { VmResultsStore } from './results-store';
import { detectSetup } from './toolchain';

export type MeasureParams = Omit<MeasureOptions, 'labels' | 'onAnswering'> & { kernelPath?: string };

/** "Measure as a VM": setup detection, the measurement itself, and the kept results. */
export class VmService {
  private readonly running = new Set<AbortController>();

  constructor(
    private readonly connection: EngineConnection,
    readonly store = new VmResultsStore(),
  ) {}

  setup(kernelPath?: string): Promise<VmSetup> {
    return detectSetup({ kernelPath });
  }

  results(): Promise<VmResults> {
    return this.store.list();
  }

  /** Measures, saves and emits the result; the run stops when `signal` aborts or the service is disposed. */
  async measure(params: MeasureParams, emit: (event: VmMeasureEvent) => void, signal: AbortSignal, extra: Pick<MeasureOptions, 'labels' | 'onAnswering'> = {}): Promise<VmMeasurement> {
    const own = new AbortController();
    const forward = () => own.abort();
    signal.addEventListener('abort', forward, { once: true });
    if (signal.aborted) own.abort();
    this.running.add(own);
    try {
      const setup = await this.setup(params.kernelPath);
      const measurement = await measureVm(this.connection.client(), setup, { ...params, ...extra }, emit, own.signal);
      await this.store.save(measurement);
      emit({ kind: 'result', measurement });
      return measurement;
    } finally {
      signal.removeEventListener('abort', forward);
      this.running.delete(own);
    }
  }

  /** Stops every measurement in flight (their VMs and temp folders go with them). */
  dispose(): void {
    for (const c of this.running) c.abort();
  }
}
