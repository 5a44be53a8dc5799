import { describe, expect, it, vi } from 'vitest';
import { asTask, CoreEvents } from '../../main/lib/event-bus';
import { engineCall } from '../../main/engine/deadline';

describe('the core event bus', () => {
  it('delivers typed events, isolates a failing listener, and unsubscribes', () => {
    const events = new CoreEvents();
    const seen: string[] = [];
    vi.spyOn(console, 'error').mockImplementation(() => {});
    events.on('task:began', () => {
      throw new Error('a broken listener');
    });
    const off = events.on('task:began', ({ label }) => seen.push(label));
    events.emit('task:began', { id: 't1', label: 'Building an image…' });
    off();
    events.emit('task:began', { id: 't2', label: 'again' });
    expect(seen).toEqual(['Building an image…']);
  });

  it('asTask announces the end whether the work succeeds or fails', async () => {
    const events = new CoreEvents();
    const log: string[] = [];
    events.on('task:began', ({ id, label }) => log.push(`began ${id} ${label}`));
    events.on('task:ended', ({ id }) => log.push(`ended ${id}`));
    await asTask(events, 'ok', async () => 1);
    await expect(asTask(events, 'bad', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(log.map((l) => l.split(' ')[0])).toEqual(['began', 'ended', 'began', 'ended']);
    expect(new Set(log.map((l) => l.split(' ')[1])).size).toBe(2);
  });
});

describe('engine call deadlines', () => {
  it('a call that never answers fails with TIMEOUT and its request is aborted', async () => {
    let aborted = false;
    const never = (signal: AbortSignal) => new Promise<never>(() => signal.addEventListener('abort', () => (aborted = true)));
    await expect(engineCall('the test call', 50, never)).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(aborted).toBe(true);
  });

  it('the caller cancelling gives CANCELLED; a prompt answer passes through', async () => {
    const cancel = new AbortController();
    const pending = engineCall('the test call', 5_000, () => new Promise<never>(() => {}), cancel.signal);
    cancel.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(engineCall('the test call', 5_000, async () => 42)).resolves.toBe(42);
  });
});
