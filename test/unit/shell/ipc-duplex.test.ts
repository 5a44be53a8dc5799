import { describe, expect, it, vi } from 'vitest';
import { ApiRouter, type InvokeHandlers, type StreamHandlers } from '../../../main/api/router';
import type { PortholeApi, StreamMessage } from '../../../shared/api/contract';
import type { TerminalEvent } from '../../../shared/api/terminal';

/**
 * The Electron path of a duplex stream, without Electron: the real preload and the real IPC transport,
 * joined by a fake ipcMain/ipcRenderer pair (the one part that cannot run here), in front of a real router.
 */
const RENDERER_URL = 'file:///app/out/renderer/index.html';
const bus = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const mainOn = new Map<string, Listener>();
  const mainHandle = new Map<string, Listener>();
  const rendererOn = new Map<string, Listener>();
  const exposed: Record<string, unknown> = {};
  const contents = {
    id: 7,
    isDestroyed: () => false,
    send: (channel: string, ...args: unknown[]) => rendererOn.get(channel)?.({}, ...args),
    on: () => {},
    once: () => {},
  };
  const event = () => ({ sender: contents, senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null } });
  return { mainOn, mainHandle, rendererOn, exposed, event };
});

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (...a: unknown[]) => unknown) => bus.mainHandle.set(channel, fn),
    on: (channel: string, fn: (...a: unknown[]) => unknown) => bus.mainOn.set(channel, fn),
    removeHandler: () => {},
    removeAllListeners: () => {},
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => bus.mainHandle.get(channel)?.(bus.event(), ...args),
    send: (channel: string, ...args: unknown[]) => bus.mainOn.get(channel)?.(bus.event(), ...args),
    on: (channel: string, fn: (...a: unknown[]) => unknown) => bus.rendererOn.set(channel, fn),
  },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (bus.exposed[key] = value) },
}));

function makeRouter() {
  const received: unknown[] = [];
  let closed = 0;
  const streams = new Proxy({} as StreamHandlers, {
    get: (_t, channel: string) =>
      channel === 'terminal:session'
        ? (async (_params, emit, ctx) => {
            emit({ t: 'ready', shell: '/bin/sh', execId: 'e1' });
            ctx.onInput((message) => {
              received.push(message);
              if (message.t === 'input') emit({ t: 'out', base64: message.base64 });
            });
            await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
            closed++;
          }) satisfies StreamHandlers['terminal:session']
        : async () => {},
  });
  const router = new ApiRouter({} as InvokeHandlers, streams);
  return { router, received, closed: () => closed };
}

describe('duplex stream over Electron IPC', () => {
  it('carries input and resize to the open stream, output back, bad input refused, and closing aborts', async () => {
    const { router, received, closed } = makeRouter();
    const { registerIpcTransport } = await import('../../../main/shell/ipc-transport');
    registerIpcTransport({ router } as never, () => RENDERER_URL);
    await import('../../../preload/index');
    const api = bus.exposed.porthole as PortholeApi;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'subscribe']);

    const messages: StreamMessage<TerminalEvent>[] = [];
    const close = api.subscribe('terminal:session', { containerId: 'c1' }, (m) => messages.push(m), { id: 'dterm-1' });
    await vi.waitFor(() => expect(messages[0]).toEqual({ kind: 'data', data: { t: 'ready', shell: '/bin/sh', execId: 'e1' } }));

    // "é" split across two messages: bytes, not text, cross the bridge.
    const e = Buffer.from('é');
    expect(await api.invoke('streams:send', { id: 'dterm-1', message: { t: 'input', base64: e.subarray(0, 1).toString('base64') } })).toEqual({ ok: true, data: { accepted: true } });
    await api.invoke('streams:send', { id: 'dterm-1', message: { t: 'input', base64: e.subarray(1).toString('base64') } });
    await api.invoke('streams:send', { id: 'dterm-1', message: { t: 'resize', cols: 120, rows: 40 } });
    const out = messages.flatMap((m) => (m.kind === 'data' && m.data.t === 'out' ? [Buffer.from(m.data.base64, 'base64')] : []));
    expect(Buffer.concat(out).toString()).toBe('é');
    expect(received.at(-1)).toEqual({ t: 'resize', cols: 120, rows: 40 });

    const tooBig = await api.invoke('streams:send', { id: 'dterm-1', message: { t: 'input', base64: 'A'.repeat(100_000) } });
    expect(!tooBig.ok && tooBig.error.code).toBe('VALIDATION');
    const wrongShape = await api.invoke('streams:send', { id: 'dterm-1', message: { t: 'resize', cols: 0, rows: 1 } });
    expect(!wrongShape.ok && wrongShape.error.code).toBe('VALIDATION');
    const otherId = await api.invoke('streams:send', { id: 'dnope', message: { t: 'input', base64: '' } });
    expect(!otherId.ok && otherId.error.code).toBe('NOT_FOUND');

    // A caller id that could collide with the preload's own ("s1") is refused.
    const refused: StreamMessage<TerminalEvent>[] = [];
    api.subscribe('terminal:session', { containerId: 'c1' }, (m) => refused.push(m), { id: 's1' });
    await vi.waitFor(() => expect(refused[0]).toMatchObject({ kind: 'error', error: { code: 'VALIDATION' } }));

    close();
    await vi.waitFor(() => expect(closed()).toBe(1));
    const afterClose = await api.invoke('streams:send', { id: 'dterm-1', message: { t: 'input', base64: '' } });
    expect(!afterClose.ok && afterClose.error.code).toBe('NOT_FOUND');
  });

  it('bounds the input rate of one stream', async () => {
    const { router } = makeRouter();
    router.subscribe({ connectionId: 'w' }, 'dflood', 'terminal:session', { containerId: 'c1' }, () => {});
    await new Promise((r) => setTimeout(r, 0));
    const results = Array.from({ length: 600 }, () => router.send({ connectionId: 'w' }, 'dflood', { t: 'input', base64: 'eA==' }));
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(450);
    expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('slow down') } });
    router.closeConnection('w');
  });
});
