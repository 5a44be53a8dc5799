import { isInvokeChannel, isStreamChannel, type InvokeChannel, type StreamChannel } from '../../shared/channels';
import { invokeSchemas, streamInputSchemas, streamSchemas, type InvokeParsed, type InvokeResult, type StreamEvent, type StreamInput, type StreamMessage, type StreamParsed } from '../../shared/api/contract';
import { InputGate } from './input-gate';
import { fail, ok, type Result } from '../../shared/errors';
import { toApiError } from '../engine/errors';
import type { CallerPlace } from './caller-place';

/** Who is calling: one window (Electron) or one WebSocket (browser host). Streams die with it. */
export interface CallContext {
  connectionId: string;
  /** Absent: in-process callers (Electron windows, the CLI), on the machine by definition. */
  place?: CallerPlace;
}

/** `streams:send` is the router's own: it routes input to an open duplex stream. */
type RouterChannel = 'streams:send';
export type InvokeHandlers = {
  [C in Exclude<InvokeChannel, RouterChannel>]: (input: InvokeParsed<C>, ctx: CallContext) => Promise<InvokeResult<C>>;
};

export interface StreamContext<C extends StreamChannel = StreamChannel> extends CallContext {
  signal: AbortSignal;
  /** Duplex streams: receives each validated message the caller sends to this subscription. */
  onInput(listener: (message: StreamInput<C>) => void): void;
}

/** Runs until the stream is finished (resolve → `end`) or fails (throw → `error`); must stop when `signal` aborts. */
export type StreamHandlers = {
  [C in StreamChannel]: (params: StreamParsed<C>, emit: (event: StreamEvent<C>) => void, ctx: StreamContext<C>) => Promise<void>;
};

type Sink = (message: StreamMessage<unknown>) => void;

const MAX_STREAMS_PER_CONNECTION = 256;

interface OpenStream {
  channel: StreamChannel;
  abort: AbortController;
  onInput: ((message: unknown) => void) | null;
  gate: InputGate;
  sink: Sink;
}

/**
 * The transport-agnostic API: validates every input with zod before any handler runs, maps every
 * failure to an ApiError, and keeps stream subscriptions keyed per connection.
 */
export class ApiRouter {
  private readonly streams = new Map<string, Map<string, OpenStream>>();

  constructor(
    private readonly invokeHandlers: InvokeHandlers,
    private readonly streamHandlers: StreamHandlers,
  ) {}

  async invoke(channel: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (!isInvokeChannel(channel)) return fail('VALIDATION', `Unknown channel "${String(channel).slice(0, 64)}".`);
    const parsed = invokeSchemas[channel].safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: toApiError(parsed.error) };
    // Synchronous up to here, so input reaches a stream in the order it was sent.
    if (channel === 'streams:send') {
      const { id, message } = parsed.data as InvokeParsed<'streams:send'>;
      return this.send(ctx, id, message);
    }
    try {
      const handler = this.invokeHandlers[channel] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      return ok(await handler(parsed.data, ctx));
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  }

  /** Opens a stream. Every outcome, including a validation failure, arrives through `sink`. */
  subscribe(ctx: CallContext, id: string, channel: unknown, params: unknown, sink: Sink): void {
    if (typeof id !== 'string' || id.length === 0 || id.length > 128) {
      sink({ kind: 'error', error: { code: 'VALIDATION', message: 'A subscription needs an id of 1 to 128 characters.' } });
      return;
    }
    if (!isStreamChannel(channel)) {
      sink({ kind: 'error', error: { code: 'VALIDATION', message: `Unknown stream channel "${String(channel).slice(0, 64)}".` } });
      return;
    }
    const parsed = streamSchemas[channel].safeParse(params ?? {});
    if (!parsed.success) {
      sink({ kind: 'error', error: toApiError(parsed.error) });
      return;
    }
    const mine = this.streams.get(ctx.connectionId) ?? new Map<string, OpenStream>();
    if (mine.has(id) || mine.size >= MAX_STREAMS_PER_CONNECTION) {
      sink({ kind: 'error', error: { code: 'CONFLICT', message: mine.has(id) ? `Subscription "${id}" is already open.` : 'Too many open streams.' } });
      return;
    }
    this.streams.set(ctx.connectionId, mine);
    const abort = new AbortController();
    const open: OpenStream = { channel, abort, onInput: null, gate: new InputGate(), sink };
    mine.set(id, open);

    const handler = this.streamHandlers[channel] as (p: unknown, emit: (e: unknown) => void, c: StreamContext) => Promise<void>;
    const emit = (data: unknown) => {
      if (!abort.signal.aborted) sink({ kind: 'data', data });
    };
    const onInput = (listener: (message: unknown) => void) => {
      open.onInput = listener;
    };
    handler(parsed.data, emit, { ...ctx, signal: abort.signal, onInput: onInput as StreamContext['onInput'] })
      .then(() => {
        if (!abort.signal.aborted) sink({ kind: 'end' });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) sink({ kind: 'error', error: toApiError(error) });
      })
      .finally(() => {
        if (mine.get(id) === open) mine.delete(id);
      });
  }

  /**
   * Routes one message to an open duplex stream of this connection: validated by the channel's input
   * schema, bounded in rate, then handed to the handler's `onInput`.
   */
  send(ctx: CallContext, id: string, message: unknown): Result<{ accepted: true }> {
    const open = this.streams.get(ctx.connectionId)?.get(id);
    if (!open) return fail('NOT_FOUND', `There is no open stream "${String(id).slice(0, 128)}"; it may have ended.`);
    const schema = (streamInputSchemas as Partial<Record<StreamChannel, { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: unknown } }>>)[open.channel];
    if (!schema) return fail('VALIDATION', `The "${open.channel}" stream does not take input.`);
    const parsed = schema.safeParse(message);
    if (!parsed.success) return { ok: false, error: toApiError(parsed.error) };
    const refused = open.gate.admit(JSON.stringify(parsed.data).length);
    if (refused) return fail('VALIDATION', refused);
    if (!open.onInput) return fail('CONFLICT', 'The stream is not ready for input yet.');
    open.onInput(parsed.data);
    return ok({ accepted: true as const });
  }

  unsubscribe(ctx: CallContext, id: string): void {
    const mine = this.streams.get(ctx.connectionId);
    mine?.get(id)?.abort.abort();
    mine?.delete(id);
  }

  /** The window closed or reloaded, or the WebSocket went away: every stream it opened stops. */
  closeConnection(connectionId: string): void {
    const mine = this.streams.get(connectionId);
    if (!mine) return;
    for (const open of mine.values()) open.abort.abort();
    this.streams.delete(connectionId);
  }

  /** Ends every open stream of every caller with `error` (the engine they read from was switched away). */
  closeAllStreams(error: { code: 'ENGINE_UNAVAILABLE' | 'CANCELLED'; message: string }, keep: readonly StreamChannel[] = []): void {
    for (const mine of this.streams.values()) {
      for (const [id, open] of mine) {
        if (keep.includes(open.channel)) continue;
        mine.delete(id);
        if (open.abort.signal.aborted) continue;
        open.sink({ kind: 'error', error });
        open.abort.abort();
      }
    }
  }

  /** Open stream count, per channel-agnostic connection (for tests and the idle benchmark). */
  openStreamCount(): number {
    let n = 0;
    for (const m of this.streams.values()) n += m.size;
    return n;
  }
}
