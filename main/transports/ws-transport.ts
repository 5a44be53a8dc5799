import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { ApiRouter } from '../api/router';
import type { PushHub } from '../api/push-hub';
import { clientMessage, type ServerMessage } from './wire';

/**
 * Serves the API over one WebSocket (already authenticated by the browser host). Every stream the
 * socket opened is closed when it goes away.
 */
export function attachWebSocket(socket: WebSocket, router: ApiRouter, push: PushHub): void {
  const connectionId = `ws:${randomUUID()}`;
  const ctx = { connectionId };
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribePush = push.subscribe((channel, payload) => send({ t: 'push', channel, payload }));

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
    switch (msg.t) {
      case 'invoke':
        void router.invoke(msg.channel, msg.input, ctx).then((result) => send({ t: 'result', id: msg.id, result }));
        break;
      case 'subscribe':
        router.subscribe(ctx, msg.id, msg.channel, msg.params, (message) => send({ t: 'stream', id: msg.id, message }));
        break;
      case 'unsubscribe':
        router.unsubscribe(ctx, msg.id);
        break;
    }
  });
  socket.on('close', () => {
    unsubscribePush();
    router.closeConnection(connectionId);
  });
}
