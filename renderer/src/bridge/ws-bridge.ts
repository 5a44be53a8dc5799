import type { PortholeApi, StreamMessage } from '../../../shared/api/contract';
import type { Result } from '../../../shared/errors';
import type { ClientMessage, ServerMessage } from '../../../shared/wire';

const TOKEN_KEY = 'porthole.token';

/** Reads the per-launch token from `?token=`, keeps it for reloads of this tab, and takes it out of the address bar. */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Why the browser host cannot be used from this tab, when the cause is the link rather than the engine. */
export type HostAccessProblem = 'missing-token' | 'refused' | null;
let accessProblem: HostAccessProblem = null;
const accessListeners = new Set<() => void>();
export const hostAccessProblem = (): HostAccessProblem => accessProblem;
export function onHostAccessProblem(listener: () => void): () => void {
  accessListeners.add(listener);
  return () => accessListeners.delete(listener);
}
const setAccessProblem = (problem: HostAccessProblem) => {
  if (problem === accessProblem) return;
  accessProblem = problem;
  for (const listener of accessListeners) listener();
};

const lost = { code: 'ENGINE_UNAVAILABLE' as const, message: 'Lost the connection to Porthole. Is `npm run serve` still running?' };

/** The browser host's bridge: the same API as the Electron preload, over one WebSocket that reconnects. */
export function createWsBridge(token: string | null): PortholeApi {
  let socket: WebSocket | null = null;
  let nextId = 0;
  let delay = 250;
  let reconnecting = false;
  let everOpened = false;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const streams = new Map<string, { channel: string; params: unknown; listener: (m: StreamMessage<unknown>) => void }>();
  const pushListeners = new Map<string, Set<(payload: unknown) => void>>();
  const outbox: string[] = [];

  const send = (message: ClientMessage) => {
    const text = JSON.stringify(message);
    if (socket?.readyState === WebSocket.OPEN) socket.send(text);
    else outbox.push(text);
  };

  const connect = () => {
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws?token=${encodeURIComponent(token ?? '')}`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      delay = 250;
      everOpened = true;
      setAccessProblem(null);
      for (const text of outbox.splice(0)) ws.send(text);
      if (reconnecting) {
        // Pushes were missed while away: replay the current status, which makes the store re-list.
        const id = ++nextId;
        pending.set(id, (r) => {
          if (r.ok) for (const listener of pushListeners.get('engine:status') ?? []) listener(r.data);
        });
        ws.send(JSON.stringify({ t: 'invoke', id, channel: 'engine:status', input: {} }));
      }
      reconnecting = false;
    };
    ws.onmessage = (event) => {
      const msg = JSON.parse(String(event.data)) as ServerMessage;
      if (msg.t === 'result') {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      } else if (msg.t === 'stream') {
        const stream = streams.get(msg.id);
        stream?.listener(msg.message);
        if (msg.message.kind !== 'data') streams.delete(msg.id);
      } else if (msg.t === 'push') {
        for (const listener of pushListeners.get(msg.channel) ?? []) listener(msg.payload);
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      // Never let in: the link is missing its token, or the token belongs to another run of `npm run serve`.
      if (!everOpened) setAccessProblem(token ? 'refused' : 'missing-token');
      for (const resolve of pending.values()) resolve({ ok: false, error: lost });
      pending.clear();
      for (const stream of streams.values()) stream.listener({ kind: 'error', error: lost });
      streams.clear();
      for (const listener of pushListeners.get('engine:status') ?? [])
        listener({ state: 'unavailable', endpoint: window.location.host, source: 'browser host', reason: lost.message, tried: [], retryInMs: delay });
      reconnecting = true;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };
  connect();

  return {
    invoke(channel, input) {
      const id = ++nextId;
      return new Promise((resolve) => {
        pending.set(id, resolve as (r: Result<unknown>) => void);
        send({ t: 'invoke', id, channel, input });
      });
    },
    subscribe(channel, params, listener, options) {
      const chosen = options?.id;
      if (chosen !== undefined && (!/^d[A-Za-z0-9_.:-]{1,99}$/.test(chosen) || streams.has(chosen))) {
        queueMicrotask(() => listener({ kind: 'error', error: { code: 'VALIDATION', message: 'A stream id must be 2 to 100 letters, digits or "-_.:", start with "d", and not be in use.' } }));
        return () => {};
      }
      const id = chosen ?? `s${++nextId}`;
      streams.set(id, { channel, params, listener: listener as (m: StreamMessage<unknown>) => void });
      send({ t: 'subscribe', id, channel, params });
      return () => {
        if (!streams.delete(id)) return;
        send({ t: 'unsubscribe', id });
      };
    },
    on(channel, listener) {
      const set = pushListeners.get(channel) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      pushListeners.set(channel, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
