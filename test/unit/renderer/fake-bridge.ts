/**
 * One fake of `renderer/src/bridge` for renderer unit tests: it records every invoke, answers by channel
 * (or holds a channel's answers until the test releases them), and lets the test push what main would.
 *
 *   vi.mock('../../../renderer/src/bridge', async () => ({ api: (await import('./fake-bridge')).fakeBridge.api, isDesktop: false }));
 */
import { vi } from 'vitest';
import type { EngineEvent, EngineStatus } from '../../../shared/dto';

type Answer = (input: unknown) => unknown;

const listeners = new Map<string, (payload: unknown) => void>();
const answers = new Map<string, Answer>();
const held = new Map<string, (() => void)[] | null>();
/** The channel of every invoke, in order. */
const calls: string[] = [];

const defaultAnswer = (channel: string): unknown =>
  channel === 'engine:status' ? { ok: false, error: { code: 'ENGINE_UNAVAILABLE', message: 'fake bridge' } } : { ok: true, data: [] };

async function invoke(channel: string, input: unknown): Promise<unknown> {
  calls.push(channel);
  const waiting = held.get(channel);
  if (waiting) await new Promise<void>((resolve) => waiting.push(resolve));
  const answer = answers.get(channel);
  return answer ? answer(input) : defaultAnswer(channel);
}

export const fakeBridge = {
  calls,
  /** How many times `channel` was invoked. */
  count: (channel: string): number => calls.filter((c) => c === channel).length,
  /** Answers `channel` with `{ ok: true, data }`, or with what `answer` returns for the input. */
  answer(channel: string, answer: Answer): void {
    answers.set(channel, answer);
  },
  /** From now on, calls on `channel` wait for `release`. */
  hold(channel: string): void {
    if (!held.get(channel)) held.set(channel, []);
  },
  /** Answers the calls on `channel` waiting now; later ones are held again. */
  release(channel: string): void {
    for (const resolve of held.get(channel)?.splice(0) ?? []) resolve();
  },
  /** Forgets answers, holds and calls (the listeners the code under test registered stay). */
  reset(): void {
    answers.clear();
    for (const resolve of [...held.values()].flatMap((waiting) => waiting ?? [])) resolve();
    held.clear();
    calls.length = 0;
  },
  /** Sends what main would push on `channel` (`engine:status`, `engine:event`, `ui:navigate`). */
  push(channel: string, payload: unknown): void {
    listeners.get(channel)?.(payload);
  },
  status(state: EngineStatus['state']): void {
    fakeBridge.push('engine:status', { state, endpoint: 'unix:///fake.sock', source: 'test', version: '20.10.24', apiVersion: '1.41' });
  },
  event(type: string, action: string, id = 'x'): void {
    const event: EngineEvent = { type, action, id, attributes: {}, timeNano: '0', timeMs: 0 };
    fakeBridge.push('engine:event', event);
  },
  /** Several events, each written `type action` (`container exec_start: sh`). */
  events(...lines: string[]): void {
    for (const line of lines) {
      const [type, ...action] = line.split(' ');
      fakeBridge.event(type, action.join(' '));
    }
  },
  api: {
    invoke: vi.fn(invoke),
    on: vi.fn((channel: string, listener: (payload: unknown) => void) => {
      listeners.set(channel, listener);
      return () => listeners.delete(channel);
    }),
    subscribe: vi.fn(() => () => {}),
  },
};
