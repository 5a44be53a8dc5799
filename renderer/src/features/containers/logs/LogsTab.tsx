import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { LOG_BUFFER_CAP, splitMatches, type LogBuffer } from './log-buffer';
import { useLogStream, type LogStreamStatus } from './use-log-stream';
import { ErrorBox } from '../../../components/ErrorBox';
import { useSlashFocus } from '../../../lib/use-slash-focus';
import { saveBlob } from '../../../lib/save-file';

const TAILS = [100, 1000, 10_000, LOG_BUFFER_CAP];
const ROW_HEIGHT = 20;

const STATUS_TEXT: Record<LogStreamStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  ended: 'Stream ended (the container stopped)',
  paused: 'Paused while the window is hidden',
  error: 'Stream failed',
};

// One formatter for all lines: `toLocaleTimeString` builds a new one per call, and every frame of a
// firehose shows dozens of fresh lines.
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: 'numeric', second: 'numeric', hour12: false });
const clock = (ms: number) => `${timeFormat.format(ms)}.${String(new Date(ms).getMilliseconds()).padStart(3, '0')}`;

const download = (buffer: LogBuffer, name: string, withTimestamps: boolean) => saveBlob(`${name}.log`, new Blob([buffer.toText(withTimestamps)], { type: 'text/plain' }));

/** Choices that outlive a switch to another tab of the same container. */
export interface LogOptions {
  tail: number;
  timestamps: boolean;
}
export const DEFAULT_LOG_OPTIONS: LogOptions = { tail: 1000, timestamps: true };

interface LogsTabProps {
  id: string;
  name: string;
  tty: boolean;
  options: LogOptions;
  onOptions: (options: LogOptions) => void;
}

export function LogsTab({ id, name, tty, options, onOptions }: LogsTabProps) {
  const { tail, timestamps } = options;
  const setTail = (value: number) => onOptions({ ...options, tail: value });
  const setTimestamps = (value: boolean) => onOptions({ ...options, timestamps: value });
  const { buffer, version, status, error } = useLogStream(id, tail);
  const [follow, setFollow] = useState(true);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const deferredVersion = useDeferredValue(version);
  const [current, setCurrent] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);
  const programmatic = useRef(false);
  const jumped = useRef(false);

  const matches = useMemo(() => (deferredVersion >= 0 ? buffer.search(deferredQuery) : []), [buffer, deferredQuery, deferredVersion]);
  const matchSet = useMemo(() => new Set(matches), [matches]);
  const activeLine = matches.length > 0 ? matches[Math.min(current, matches.length - 1)] : -1;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({ count: buffer.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  useEffect(() => {
    if (!follow || buffer.length === 0) return;
    programmatic.current = true;
    virtualizer.scrollToIndex(buffer.length - 1, { align: 'end' });
  }, [follow, version, buffer, virtualizer]);

  // The search runs on a deferred copy of the query: Enter pressed before it caught up jumps once it has,
  // so the jump goes to a match of what the user typed, not of the previous query.
  const searching = query !== deferredQuery;
  const pendingJump = useRef<number | null>(null);

  const goTo = (next: number) => {
    if (searching) {
      pendingJump.current = next;
      return;
    }
    if (matches.length === 0) return;
    const index = (next + matches.length) % matches.length;
    setCurrent(index);
    setFollow(false);
    jumped.current = true;
    programmatic.current = true;
    virtualizer.scrollToIndex(matches[index], { align: 'center' });
  };

  useEffect(() => {
    if (searching || pendingJump.current === null) return;
    const next = pendingJump.current;
    pendingJump.current = null;
    goTo(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the deferred search catches up; goTo reads this render's matches
  }, [searching, matches]);

  // Following stops only when the user scrolls up. A scroll the view made itself can come in twice (the virtualizer
  // corrects its first jump) and find new lines already below it; taken for the user's, it had switched Follow off.
  const lastScrollTop = useRef(0);
  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const movedUp = el.scrollTop < lastScrollTop.current;
    lastScrollTop.current = el.scrollTop;
    if (programmatic.current) {
      programmatic.current = false;
      return;
    }
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_HEIGHT * 2;
    if (atBottom && !follow) setFollow(true);
    else if (!atBottom && follow && movedUp) setFollow(false);
  };

  return (
    <div className="logs" data-testid="logs-view">
      <div className="logs-toolbar">
        <label className="inline-field">
          Tail
          <select className="input" value={tail} onChange={(e) => setTail(Number(e.target.value))} aria-label="Tail">
            {TAILS.map((t) => (
              <option key={t} value={t}>
                last {t.toLocaleString()} lines
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
        <label className="check">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} /> Timestamps
        </label>
        <div className="logs-search">
          <input
            className="input"
            ref={searchRef}
            type="search"
            placeholder="Search logs  /"
            aria-label="Search logs"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setCurrent(0);
              pendingJump.current = null;
              jumped.current = false;
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') goTo(!jumped.current ? current : e.shiftKey ? current - 1 : current + 1);
            }}
          />
          <span className="muted small" data-testid="log-match-count">
            {query ? (searching ? 'searching…' : matches.length ? `${Math.min(current, matches.length - 1) + 1} of ${matches.length}` : 'no matches') : ''}
          </span>
          <button type="button" className="btn btn-small" aria-label="Previous match" disabled={!matches.length} onClick={() => goTo(current - 1)}>
            ↑
          </button>
          <button type="button" className="btn btn-small" aria-label="Next match" disabled={!matches.length} onClick={() => goTo(current + 1)}>
            ↓
          </button>
        </div>
        <button type="button" className="btn" onClick={() => download(buffer, name, timestamps)} disabled={buffer.length === 0}>
          Download
        </button>
      </div>
      {error && <ErrorBox error={error} />}
      <div className="logs-scroll" ref={scrollRef} onScroll={onScroll} tabIndex={0} aria-label={`Logs of ${name}`} data-testid="log-lines">
        {buffer.length === 0 ? (
          <p className="muted logs-empty">{status === 'connecting' ? 'Loading logs…' : 'No output yet. Lines appear here as the container prints them.'}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => {
              const line = buffer.at(row.index);
              if (!line) return null;
              const classes = ['log-line', line.stream === 'stderr' ? 'log-stderr' : '', row.index === activeLine ? 'log-active' : ''].join(' ');
              return (
                <div key={row.key} className={classes} data-testid="log-line" data-stream={line.stream} style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                  {timestamps && <span className="log-time">{line.timeMs !== undefined ? clock(line.timeMs) : ''}</span>}
                  <span className="log-stream" title={line.stream}>
                    {line.stream === 'stderr' ? 'err' : 'out'}
                  </span>
                  <span className="log-text">
                    {matchSet.has(row.index)
                      ? splitMatches(line.text, deferredQuery).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))
                      : line.text}
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </div>
      <div className="logs-footer muted small">
        <span className={`stream-dot stream-${status}`} aria-hidden /> {STATUS_TEXT[status]} · {buffer.length.toLocaleString()} lines shown
        {buffer.dropped > 0 && ` · ${buffer.dropped.toLocaleString()} older lines dropped (the view keeps the last ${LOG_BUFFER_CAP.toLocaleString()})`}
        {tty && ' · TTY container: stdout and stderr arrive as one stream'}
      </div>
    </div>
  );
}
