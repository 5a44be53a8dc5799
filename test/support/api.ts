import type { PortholeCore } from '../../main/core';
import type { InvokeChannel } from '../../shared/channels';
import type { InvokeInput, InvokeResult } from '../../shared/api/contract';
import type { Result } from '../../shared/errors';

/** `core.router.invoke` with the channel's input and result types (the router itself takes `unknown`). */
export async function invoke<C extends InvokeChannel>(core: PortholeCore, channel: C, input: InvokeInput<C>, connectionId = 'test'): Promise<Result<InvokeResult<C>>> {
  return (await core.router.invoke(channel, input, { connectionId })) as Result<InvokeResult<C>>;
}

/** Like `invoke`, for calls expected to succeed: the data, or a thrown error that shows the ApiError. */
export async function invokeOk<C extends InvokeChannel>(core: PortholeCore, channel: C, input: InvokeInput<C>, connectionId = 'test'): Promise<InvokeResult<C>> {
  const result = await invoke(core, channel, input, connectionId);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}
