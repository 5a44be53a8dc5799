import { z } from 'zod';

/** Messages from a browser-host page to the server. */
export const clientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('invoke'), id: z.number().int().nonnegative(), channel: z.string().max(64), input: z.unknown() }),
  z.object({ t: z.literal('subscribe'), id: z.string().min(1).max(128), channel: z.string().max(64), params: z.unknown() }),
  z.object({ t: z.literal('unsubscribe'), id: z.string().min(1).max(128) }),
]);
export type ClientMessage = z.infer<typeof clientMessage>;

/** Messages from the server to a page. */
export type ServerMessage =
  | { t: 'result'; id: number; result: unknown }
  | { t: 'stream'; id: string; message: unknown }
  | { t: 'push'; channel: string; payload: unknown }
  | { t: 'error'; message: string };
