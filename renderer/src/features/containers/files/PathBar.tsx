import { useRef } from 'react';

/** Where we are (each part of the path is a way back up), and what can be done with this folder. */
export function PathBar({ path, onGo, onUpload, onDownload, busy }: { path: string; onGo: (path: string) => void; onUpload: (files: File[]) => void; onDownload: () => void; busy: string | null }) {
  const picker = useRef<HTMLInputElement>(null);
  const parts = path.split('/').filter(Boolean);
  return (
    <div className="files-bar">
      <nav aria-label="Folder path" className="files-crumbs">
        <button type="button" className="link-button" onClick={() => onGo('/')}>
          /
        </button>
        {parts.map((part, i) => (
          <span key={i}>
            {i > 0 && <span className="muted"> / </span>}
            <button type="button" className="link-button" aria-current={i === parts.length - 1 ? 'location' : undefined} onClick={() => onGo(`/${parts.slice(0, i + 1).join('/')}`)}>
              {part}
            </button>
          </span>
        ))}
      </nav>
      <span className="files-actions">
        {busy && (
          <span className="busy" role="status">
            <span className="spinner" aria-hidden /> {busy}
          </span>
        )}
        <button type="button" className="btn btn-small" disabled={path === '/'} onClick={() => onGo(path.slice(0, path.lastIndexOf('/')) || '/')}>
          Up
        </button>
        <button type="button" className="btn btn-small" onClick={() => picker.current?.click()} disabled={Boolean(busy)}>
          Upload files…
        </button>
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          aria-label={`Files to upload into ${path}`}
          onChange={(e) => {
            onUpload([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <button type="button" className="btn btn-small" onClick={onDownload} disabled={Boolean(busy)}>
          Download folder
        </button>
      </span>
    </div>
  );
}
