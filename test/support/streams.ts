import type { PortholeCore } from '../../main/app';
import type { InvokeChannel, StreamChannel } from '../../shared/channels';
import type { InvokeInput, InvokeResult, StreamEvent, StreamParams } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/errors';

/** Opens a stream through the real router and collects it to its end: every data event, then end or error. */
export function collectStream<C extends StreamChannel>(
  core: PortholeCore,
  channel: C,
  params: StreamParams<C>,
  connectionId = 'test',
): Promise<{ events: StreamEvent<C>[]; error: ApiError | null }> {
  const events: StreamEvent<C>[] = [];
  const id = `${channel}-${Math.random().toString(36).slice(2)}`;
  return new Promise((resolve) => {
    core.router.subscribe({ connectionId }, id, channel, params, (message) => {
      if (message.kind === 'data') events.push(message.data as StreamEvent<C>);
      else if (message.kind === 'end') resolve({ events, error: null });
      else resolve({ events, error: message.error });
    });
  });
}

/** A typed invoke through the real router (validation and error mapping included). */
export function invoke<C extends InvokeChannel>(core: PortholeCore, channel: C, input: InvokeInput<C>, connectionId = 'test'): Promise<Result<InvokeResult<C>>> {
  return core.router.invoke(channel, input, { connectionId }) as Promise<Result<InvokeResult<C>>>;
}
