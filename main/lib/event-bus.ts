import type { z } from 'zod';
import type { runInput } from '../../shared/api/containers';
import type { DeployHistoryEntry } from '../../shared/api/deploy';

/** What the core's services announce; the tray, the notifier and the busy indicator listen. */
export interface CoreEventMap {
  /** A container was created and started through Porthole (window, tray or CLI). */
  'container:ran': [{ id: string; name: string; input: z.output<typeof runInput> }];
  /** A deploy ended (succeeded, failed or cancelled) and was written to the history. */
  'deploy:finished': [DeployHistoryEntry];
  /** Long work (a build, a pull, a deploy) started; `id` is unique for the life of the process. */
  'task:began': [{ id: string; label: string }];
  'task:ended': [{ id: string }];
}

type Listener<K extends keyof CoreEventMap> = (...args: CoreEventMap[K]) => void;

/**
 * The core's typed event bus. Services emit, features subscribe; nothing patches another object's
 * methods. A listener that throws must not break the emitting service, so each call is isolated.
 */
export class CoreEvents {
  private readonly listeners: { [K in keyof CoreEventMap]?: Set<Listener<K>> } = {};

  emit<K extends keyof CoreEventMap>(name: K, ...args: CoreEventMap[K]): void {
    for (const listener of [...(this.listeners[name] ?? [])]) {
      try {
        listener(...args);
      } catch (error) {
        console.error(`A "${name}" listener failed:`, error);
      }
    }
  }

  /** Returns the function that removes the listener. */
  on<K extends keyof CoreEventMap>(name: K, listener: Listener<K>): () => void {
    const set: Set<Listener<K>> = this.listeners[name] ?? new Set();
    this.listeners[name] = set as (typeof this.listeners)[K];
    set.add(listener);
    return () => void set.delete(listener);
  }
}

let nextTask = 0;

/** Runs long work announced as a task: `task:ended` follows whether it succeeds, fails or is cancelled. */
export async function asTask<T>(events: CoreEvents | undefined, label: string, work: () => Promise<T>): Promise<T> {
  if (!events) return work();
  const id = `task-${++nextTask}`;
  events.emit('task:began', { id, label });
  try {
    return await work();
  } finally {
    events.emit('task:ended', { id });
  }
}
