import { z } from 'zod';
import type { StreamMessage } from './api/contract';
import type { Result } from './errors';

/**
 * The browser host's WebSocket protocol, one JSON object per frame. The host validates what pages send
 * with `clientMessage`; the renderer's bridge, the bench and the tests speak it with these types.
 */
export const clientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('invoke'), id: z.number().int().nonnegative(), channel: z.string().max(64), input: z.unknown() }),
  z.object({ t: z.literal('subscribe'), id: z.string().min(1).max(128), channel: z.string().max(64), params: z.unknown() }),
  z.object({ t: z.literal('unsubscribe'), id: z.string().min(1).max(128) }),
]);
/** A page → host message. */
export type ClientMessage = z.infer<typeof clientMessage>;

/** A host → page message. */
export type ServerMessage =
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'stream'; id: string; message: StreamMessage<unknown> }
  | { t: 'push'; channel: string; payload: unknown }
  | { t: 'error'; message: string };
