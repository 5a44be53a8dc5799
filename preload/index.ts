/**
 * The whole bridge: three functions over a fixed channel allowlist. Sandboxed, so it requires only
 * `electron`; the channel lists come from shared/channels.ts (no zod, no Node).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, isInvokeChannel, isPushChannel, isStreamChannel } from '../shared/channels';

type StreamListener = (message: unknown) => void;

const streams = new Map<string, StreamListener>();
const pushListeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 0;

ipcRenderer.on(IPC.stream, (_event: IpcRendererEvent, id: string, message: unknown) => {
  streams.get(id)?.(message);
  const kind = (message as { kind?: string } | null)?.kind;
  if (kind === 'end' || kind === 'error') streams.delete(id);
});

ipcRenderer.on(IPC.push, (_event: IpcRendererEvent, channel: string, payload: unknown) => {
  for (const listener of pushListeners.get(channel) ?? []) listener(payload);
});

/** Caller-chosen ids start with "d" so they never meet the generated "s<n>" ones. */
const isCallerStreamId = (id: unknown): id is string => typeof id === 'string' && /^d[A-Za-z0-9_.:-]{1,99}$/.test(id);

const unknownChannel = (channel: unknown) => ({
  ok: false as const,
  error: { code: 'VALIDATION' as const, message: `Unknown channel "${String(channel)}".` },
});

contextBridge.exposeInMainWorld('porthole', {
  invoke(channel: string, input: unknown): Promise<unknown> {
    if (!isInvokeChannel(channel)) return Promise.resolve(unknownChannel(channel));
    return ipcRenderer.invoke(IPC.invoke, channel, input);
  },
  subscribe(channel: string, params: unknown, listener: StreamListener, options?: { id?: unknown }): () => void {
    if (!isStreamChannel(channel)) {
      queueMicrotask(() => listener({ kind: 'error', error: unknownChannel(channel).error }));
      return () => {};
    }
    // A duplex stream names itself so it can address input to it through invoke('streams:send').
    const chosen = options?.id;
    if (chosen !== undefined && (!isCallerStreamId(chosen) || streams.has(chosen))) {
      queueMicrotask(() => listener({ kind: 'error', error: { code: 'VALIDATION', message: 'A stream id must be 2 to 100 letters, digits or "-_.:", start with "d", and not be in use.' } }));
      return () => {};
    }
    const id = typeof chosen === 'string' ? chosen : `s${++nextId}`;
    streams.set(id, listener);
    ipcRenderer.send(IPC.subscribe, id, channel, params);
    return () => {
      if (!streams.delete(id)) return;
      ipcRenderer.send(IPC.unsubscribe, id);
    };
  },
  on(channel: string, listener: (payload: unknown) => void): () => void {
    if (!isPushChannel(channel)) return () => {};
    const set = pushListeners.get(channel) ?? new Set();
    set.add(listener);
    pushListeners.set(channel, set);
    return () => set.delete(listener);
  },
});
