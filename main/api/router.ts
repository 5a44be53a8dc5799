import { isInvokeChannel, isStreamChannel, type InvokeChannel, type StreamChannel } from '../../shared/channels';
import { invokeSchemas, streamSchemas, type InvokeParsed, type InvokeResult, type StreamEvent, type StreamMessage, type StreamParsed } from '../../shared/api/contract';
import { fail, ok, type Result } from '../../shared/errors';
import { toApiError } from '../engine/errors';

/** Who is calling: one window (Electron) or one WebSocket (browser host). Streams die with it. */
export interface CallContext {
  connectionId: string;
}

export type InvokeHandlers = {
  [C in InvokeChannel]: (input: InvokeParsed<C>, ctx: CallContext) => Promise<InvokeResult<C>>;
};

export interface StreamContext extends CallContext {
  signal: AbortSignal;
}

/** Runs until the stream is finished (resolve → `end`) or fails (throw → `error`); must stop when `signal` aborts. */
export type StreamHandlers = {
  [C in StreamChannel]: (params: StreamParsed<C>, emit: (event: StreamEvent<C>) => void, ctx: StreamContext) => Promise<void>;
};

type Sink = (message: StreamMessage<unknown>) => void;

const MAX_STREAMS_PER_CONNECTION = 256;

/**
 * The transport-agnostic API: validates every input with zod before any handler runs, maps every
 * failure to an ApiError, and keeps stream subscriptions keyed per connection.
 */
export class ApiRouter {
  private readonly streams = new Map<string, Map<string, AbortController>>();

  constructor(
    private readonly invokeHandlers: InvokeHandlers,
    private readonly streamHandlers: StreamHandlers,
  ) {}

  async invoke(channel: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (!isInvokeChannel(channel)) return fail('VALIDATION', `Unknown channel "${String(channel).slice(0, 64)}".`);
    const parsed = invokeSchemas[channel].safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: toApiError(parsed.error) };
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
    const mine = this.streams.get(ctx.connectionId) ?? new Map<string, AbortController>();
    if (mine.has(id) || mine.size >= MAX_STREAMS_PER_CONNECTION) {
      sink({ kind: 'error', error: { code: 'CONFLICT', message: mine.has(id) ? `Subscription "${id}" is already open.` : 'Too many open streams.' } });
      return;
    }
    this.streams.set(ctx.connectionId, mine);
    const abort = new AbortController();
    mine.set(id, abort);

    const handler = this.streamHandlers[channel] as (p: unknown, emit: (e: unknown) => void, c: StreamContext) => Promise<void>;
    const emit = (data: unknown) => {
      if (!abort.signal.aborted) sink({ kind: 'data', data });
    };
    handler(parsed.data, emit, { ...ctx, signal: abort.signal })
      .then(() => {
        if (!abort.signal.aborted) sink({ kind: 'end' });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) sink({ kind: 'error', error: toApiError(error) });
      })
      .finally(() => {
        if (mine.get(id) === abort) mine.delete(id);
      });
  }

  unsubscribe(ctx: CallContext, id: string): void {
    const mine = this.streams.get(ctx.connectionId);
    mine?.get(id)?.abort();
    mine?.delete(id);
  }

  /** The window closed or reloaded, or the WebSocket went away: every stream it opened stops. */
  closeConnection(connectionId: string): void {
    const mine = this.streams.get(connectionId);
    if (!mine) return;
    for (const abort of mine.values()) abort.abort();
    this.streams.delete(connectionId);
  }

  /** Open stream count, per channel-agnostic connection (for tests and the idle benchmark). */
  openStreamCount(): number {
    let n = 0;
    for (const m of this.streams.values()) n += m.size;
    return n;
  }
}
