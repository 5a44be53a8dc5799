import type { InvokeChannel, StreamChannel } from '../../shared/channels';
import type { InvokeInput, InvokeResult, StreamEvent, StreamParams } from '../../shared/api/contract';
import { PortholeError } from '../../shared/errors';
import { createCore, type PortholeCore } from '../core';
import { headlessHost } from '../host/host-adapter';

/**
 * The CLI as one more client of the core: every command goes through the router, so it gets the same
 * validation, data folder and registry credentials as the window and the browser host.
 */
export class CoreClient {
  private readonly ctx = { connectionId: `cli:${process.pid}` };
  private nextId = 0;

  constructor(readonly core: PortholeCore) {}

  /** Resolves with the handler's result; a failure is thrown as a PortholeError carrying its code. */
  async invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<InvokeResult<C>> {
    const result = await this.core.router.invoke(channel, input, this.ctx);
    if (!result.ok) throw new PortholeError(result.error.code, result.error.message, result.error.detail);
    return result.data as InvokeResult<C>;
  }

  /** Runs a stream to its end, passing each event on; aborting `signal` unsubscribes (the work is cancelled). */
  stream<C extends StreamChannel>(channel: C, params: StreamParams<C>, onEvent: (event: StreamEvent<C>) => void, signal?: AbortSignal): Promise<void> {
    const id = `cli-${++this.nextId}`;
    return new Promise((resolve, reject) => {
      const cancel = () => {
        this.core.router.unsubscribe(this.ctx, id);
        reject(new PortholeError('CANCELLED', 'Cancelled.'));
      };
      signal?.addEventListener('abort', cancel, { once: true });
      this.core.router.subscribe(this.ctx, id, channel, params, (message) => {
        if (message.kind === 'data') return onEvent(message.data as StreamEvent<C>);
        signal?.removeEventListener('abort', cancel);
        if (message.kind === 'end') resolve();
        else reject(new PortholeError(message.error.code, message.error.message, message.error.detail));
      });
    });
  }
}

/** Starts a core for one command and always stops it, so the process can exit. */
export async function withCore<T>(work: (client: CoreClient) => Promise<T>): Promise<T> {
  const core = createCore(headlessHost(), { log: () => {} });
  try {
    return await work(new CoreClient(core));
  } finally {
    core.router.closeConnection(`cli:${process.pid}`);
    core.stop();
  }
}
