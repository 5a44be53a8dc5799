import type { StreamChannel } from '../../../shared/channels';
import type { StreamEvent, StreamInput, StreamMessage, StreamParams } from '../../../shared/api/contract';
import type { Result } from '../../../shared/errors';
import { api } from './index';

export interface Duplex<C extends StreamChannel> {
  id: string;
  /** Sends one message to the open stream; resolves with the router's verdict. */
  send(message: StreamInput<C>): Promise<Result<{ accepted: true }>>;
  close(): void;
}

let counter = 0;

/**
 * A duplex stream over either bridge: the ordinary subscription, opened under an id this side picks,
 * with input addressed to that id through `streams:send`.
 */
export function openDuplex<C extends StreamChannel>(channel: C, params: StreamParams<C>, listener: (message: StreamMessage<StreamEvent<C>>) => void): Duplex<C> {
  const id = `d${Date.now().toString(36)}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const close = api.subscribe(channel, params, listener, { id });
  return {
    id,
    send: (message) => api.invoke('streams:send', { id, message }),
    close,
  };
}
