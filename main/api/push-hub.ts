import type { PushChannel } from '../../shared/channels';
import type { PushEvents } from '../../shared/api/contract';

export type PushListener = <C extends PushChannel>(channel: C, payload: PushEvents[C]) => void;

/** Channels that carry a current state rather than a happening: a new listener is told the latest one at once. */
const RETAINED: ReadonlySet<PushChannel> = new Set<PushChannel>(['engine:status']);

/** Fans engine pushes out to every transport (all windows, all WebSockets). */
export class PushHub {
  private readonly listeners = new Set<PushListener>();
  private readonly latest = new Map<PushChannel, unknown>();

  publish<C extends PushChannel>(channel: C, payload: PushEvents[C]): void {
    if (RETAINED.has(channel)) this.latest.set(channel, payload);
    for (const listener of this.listeners) listener(channel, payload);
  }

  /**
   * `replay`: also hand the listener the retained state now. A page that connects learns whether the engine is
   * connected without a round trip, so its first list goes out sooner (B4 first paint).
   */
  subscribe(listener: PushListener, { replay = false }: { replay?: boolean } = {}): () => void {
    this.listeners.add(listener);
    if (replay) for (const [channel, payload] of this.latest) listener(channel, payload as PushEvents[typeof channel]);
    return () => this.listeners.delete(listener);
  }
}
