import type { PushChannel } from '../../shared/channels';
import type { PushEvents } from '../../shared/api/contract';

export type PushListener = <C extends PushChannel>(channel: C, payload: PushEvents[C]) => void;

/** Fans engine pushes out to every transport (all windows, all WebSockets). */
export class PushHub {
  private readonly listeners = new Set<PushListener>();

  publish<C extends PushChannel>(channel: C, payload: PushEvents[C]): void {
    for (const listener of this.listeners) listener(channel, payload);
  }

  subscribe(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
