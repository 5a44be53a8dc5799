import type { VmMeasurement } from '../../shared/api/vm';
import { measurementTable } from './measurement-table';
import { PortholeError } from '../../shared/errors';
import { withCore } from './core-client';

export interface MeasureVmArgs {
  container: string;
  json: boolean;
  tcg: boolean;
  kernel?: string;
}

/** `porthole compare --measure-vm <container>`: progress on stderr, the figures on stdout; Ctrl-C cancels cleanly. */
export async function measureVmCommand(args: MeasureVmArgs): Promise<number> {
  return withCore(async (client) => {
    await client.core.connection.waitUntilConnected(10_000);
    const stop = new AbortController();
    const onSigint = () => stop.abort();
    process.once('SIGINT', onSigint);
    let result: VmMeasurement | null = null;
    try {
      await client.stream(
        'compare:measure-vm',
        { container: args.container, accelerator: args.tcg ? 'tcg' : 'auto', ...(args.kernel ? { kernelPath: args.kernel } : {}) },
        (event) => {
          if (event.kind === 'phase') process.stderr.write(`[${(event.elapsedMs / 1000).toFixed(1)} s] ${event.message}\n`);
          else result = event.measurement;
        },
        stop.signal,
      );
    } catch (error) {
      if (!(error instanceof PortholeError)) throw error;
      console.error(`porthole compare: ${error.message}`);
      return error.code === 'VALIDATION' || error.code === 'NOT_FOUND' ? 2 : 1;
    } finally {
      process.off('SIGINT', onSigint);
    }
    if (!result) return 1;
    console.log(args.json ? JSON.stringify({ measurement: result }) : measurementTable(result));
    return 0;
  });
}
