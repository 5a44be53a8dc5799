/** Tiny stroke icons for the row actions (fonts differ too much between systems for glyphs). */
const PATHS: Record<string, string> = {
  start: 'M5 3l8 5-8 5z',
  unpause: 'M5 3l8 5-8 5z',
  stop: 'M4 4h8v8H4z',
  restart: 'M13 8a5 5 0 1 1-1.5-3.5M13 2v3h-3',
  pause: 'M5 3v10M11 3v10',
  kill: 'M4 4l8 8M12 4l-8 8',
  remove: 'M3 4h10M6 4V2.5h4V4M4.5 4l.7 9.5h5.6l.7-9.5M7 6.5v5M9 6.5v5',
};

export function ActionIcon({ action }: { action: string }) {
  const filled = action === 'start' || action === 'unpause' || action === 'stop';
  return (
    <svg className="action-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden>
      <path d={PATHS[action]} fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
