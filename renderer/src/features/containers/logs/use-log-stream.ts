import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../bridge';
import { onEngineEvent } from '../../../store/wiring';
import type { ApiError } from '../../../../../shared/errors';
import { LogBuffer } from './log-buffer';
import { usePageVisible } from '../use-page-visible';

/**
 * At most ten renders a second while lines stream. A line that comes after a quiet spell still shows on the next
 * frame; a firehose (B6: 45,000 lines/s) redrew the view every frame, work nobody can read, and its tasks then
 * waited for a core the engine's log writer was using.
 */
const MIN_RENDER_GAP_MS = 100;

export type LogStreamStatus = 'connecting' | 'live' | 'ended' | 'paused' | 'error';

interface StreamState {
  key: string;
  status: LogStreamStatus;
  error: ApiError | null;
}

/**
 * Follows a container's logs into a bounded buffer. Re-renders at most ten times a second however fast
 * lines arrive; closes while the window is hidden (and reloads the tail when it shows
 * again); picks up new lines when the container restarts after its stream ended.
 */
export function useLogStream(id: string, tail: number) {
  const visible = usePageVisible();
  // A fresh buffer for each container, tail choice and return from hiding: the stream re-sends the tail.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the deps say when to start over, not what the buffer reads
  const buffer = useMemo(() => new LogBuffer(), [id, tail, visible]);
  const [restarts, setRestarts] = useState(0);
  const key = `${id}|${tail}|${visible}|${restarts}`;
  const [state, setState] = useState<StreamState>({ key, status: 'connecting', error: null });
  const [version, setVersion] = useState(0);
  const current: StreamState = state.key === key ? state : { key, status: 'connecting', error: null };
  const ended = useRef(false);
  useEffect(() => {
    ended.current = current.status === 'ended';
  }, [current.status]);

  useEffect(
    () =>
      onEngineEvent((event) => {
        if (event.type === 'container' && event.id === id && event.action === 'start' && ended.current) setRestarts((n) => n + 1);
      }),
    [id],
  );

  useEffect(() => {
    if (!visible) return;
    const streamKey = `${id}|${tail}|${visible}|${restarts}`;
    let frame = 0;
    let timer = 0;
    let renderedAt = -Infinity;
    let live = false;
    const render = () => {
      frame = 0;
      renderedAt = performance.now();
      setVersion(buffer.version);
    };
    const scheduleRender = () => {
      if (frame || timer) return;
      const wait = renderedAt + MIN_RENDER_GAP_MS - performance.now();
      if (wait <= 0) frame = requestAnimationFrame(render);
      else
        timer = window.setTimeout(() => {
          timer = 0;
          frame = requestAnimationFrame(render);
        }, wait);
    };
    const close = api.subscribe('containers:logs', { id, tail: restarts > 0 ? 0 : tail, follow: true, timestamps: true }, (message) => {
      if (message.kind === 'data') {
        buffer.append(message.data);
        scheduleRender();
        // Once: a state update per batch would schedule a React pass per message, not per frame.
        if (!live) setState({ key: streamKey, status: 'live', error: null });
        live = true;
      } else if (message.kind === 'end') setState({ key: streamKey, status: 'ended', error: null });
      else setState({ key: streamKey, status: 'error', error: message.error });
    });
    return () => {
      close();
      if (frame) cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, [id, tail, visible, restarts, buffer]);

  return { buffer, version, status: visible ? current.status : ('paused' as const), error: current.error };
}
