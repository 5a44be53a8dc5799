import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { ApiRouter } from '../api/router';
import type { PushHub } from '../api/push-hub';
import type { CallerPlace } from '../api/caller-place';
import { clientMessage, type ServerMessage } from '../../shared/wire';

export interface WebSocketLimits {
  /** Ping interval; a peer that has not answered the previous ping by the next one is closed. */
  heartbeatMs: number;
  /** Above this many unsent bytes the socket stops reading the page's messages until it drains. */
  pauseAboveBytes: number;
  /** Above this many unsent bytes the page is not reading at all: the socket is closed and its streams stop. */
  closeAboveBytes: number;
  /** Invokes one connection may have in flight at once; more are answered with CONFLICT at once. */
  maxConcurrentInvokes: number;
  log: (message: string) => void;
}

export const DEFAULT_WS_LIMITS: WebSocketLimits = {
  heartbeatMs: 20_000,
  pauseAboveBytes: 4 * 1024 * 1024,
  closeAboveBytes: 32 * 1024 * 1024,
  maxConcurrentInvokes: 32,
  log: (m) => console.error(m),
};

/** ws close code 1013 "try again later": the page is told why, and reconnects. */
const CLOSE_TOO_SLOW = 1013;

/**
 * Serves the API over one WebSocket (already authenticated by the browser host). Every stream the
 * socket opened is closed when it goes away — including when the peer stops answering pings or stops
 * reading what it is sent. Nothing a message carries can throw out of here.
 */
export function attachWebSocket(socket: WebSocket, router: ApiRouter, push: PushHub, limits: Partial<WebSocketLimits> = {}, place?: CallerPlace): void {
  const opts = { ...DEFAULT_WS_LIMITS, ...limits };
  const connectionId = `ws:${randomUUID()}`;
  const ctx = { connectionId, place };
  let paused = false;
  let invokesInFlight = 0;

  const resumeWhenDrained = () => {
    if (paused && socket.bufferedAmount <= opts.pauseAboveBytes / 2) {
      paused = false;
      socket.resume();
    }
  };
  const send = (message: ServerMessage) => {
    if (socket.readyState !== socket.OPEN) return;
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch (error) {
      opts.log(`browser host: a reply could not be serialised: ${String(error)}`);
      text = JSON.stringify(replacementFor(message));
    }
    if (socket.bufferedAmount > opts.closeAboveBytes) {
      opts.log(`browser host: closing ${connectionId}: the page stopped reading (${socket.bufferedAmount} bytes waiting).`);
      socket.close(CLOSE_TOO_SLOW, 'The page stopped reading; reconnect to continue.');
      setTimeout(() => socket.terminate(), 1000).unref();
      return;
    }
    socket.send(text, () => resumeWhenDrained());
    if (!paused && socket.bufferedAmount > opts.pauseAboveBytes) {
      paused = true;
      socket.pause();
    }
  };
  const unsubscribePush = push.subscribe((channel, payload) => send({ t: 'push', channel, payload }), { replay: true });

  let alive = true;
  socket.on('pong', () => (alive = true));
  const heartbeat = setInterval(() => {
    if (!alive) {
      opts.log(`browser host: closing ${connectionId}: no answer to ping.`);
      socket.terminate();
      return;
    }
    alive = false;
    try {
      socket.ping();
    } catch {
      socket.terminate();
    }
  }, opts.heartbeatMs);
  heartbeat.unref();

  const invoke = (id: number, channel: string, input: unknown) => {
    if (invokesInFlight >= opts.maxConcurrentInvokes) {
      send({ t: 'result', id, result: { ok: false, error: { code: 'CONFLICT', message: `Too many calls at once (${opts.maxConcurrentInvokes}); wait for some to finish.` } } });
      return;
    }
    invokesInFlight++;
    router
      .invoke(channel, input, ctx)
      .catch((error: unknown) => {
        opts.log(`browser host: ${channel} failed unexpectedly: ${String((error as Error)?.stack ?? error)}`);
        return { ok: false as const, error: { code: 'INTERNAL' as const, message: 'Porthole hit an unexpected error handling that call.' } };
      })
      .then((result) => send({ t: 'result', id, result }))
      .finally(() => invokesInFlight--);
  };

  socket.on('message', (data, isBinary) => {
    if (isBinary) return send({ t: 'error', message: 'Binary messages are not accepted.' });
    let parsed;
    try {
      parsed = clientMessage.safeParse(JSON.parse(data.toString()));
    } catch {
      return send({ t: 'error', message: 'A message was not valid JSON.' });
    }
    if (!parsed.success) return send({ t: 'error', message: 'A message did not have the expected shape.' });
    const msg = parsed.data;
    try {
      switch (msg.t) {
        case 'invoke':
          invoke(msg.id, msg.channel, msg.input);
          break;
        case 'subscribe':
          router.subscribe(ctx, msg.id, msg.channel, msg.params, (message) => send({ t: 'stream', id: msg.id, message }));
          break;
        case 'unsubscribe':
          router.unsubscribe(ctx, msg.id);
          break;
      }
    } catch (error) {
      opts.log(`browser host: a ${msg.t} message failed unexpectedly: ${String((error as Error)?.stack ?? error)}`);
      send({ t: 'error', message: 'Porthole hit an unexpected error handling a message.' });
    }
  });
  socket.on('error', (error) => opts.log(`browser host: ${connectionId}: ${error.message}`));
  socket.on('close', () => {
    clearInterval(heartbeat);
    unsubscribePush();
    router.closeConnection(connectionId);
  });
}

function replacementFor(message: ServerMessage): ServerMessage {
  const error = { code: 'INTERNAL' as const, message: 'The reply could not be sent.' };
  if (message.t === 'result') return { t: 'result', id: message.id, result: { ok: false, error } };
  if (message.t === 'stream') return { t: 'stream', id: message.id, message: { kind: 'error', error } };
  return { t: 'error', message: error.message };
}
