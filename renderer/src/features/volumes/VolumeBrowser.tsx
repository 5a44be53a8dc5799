import { useCallback, useEffect, useState } from 'react';
import { api } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { formatBytes, formatRelative } from '../../lib/format';
import { saveBytes } from '../../lib/save-file';
import type { ApiError } from '../../../../shared/errors';
import type { VolumeEntry } from '../../../../shared/api/volumes';

/** A volume's files, read-only: folders open, files download. */
export function VolumeBrowser({ volume, onClose }: { volume: string; onClose: () => void }) {
  const [path, setPath] = useState('');
  const [entries, setEntries] = useState<VolumeEntry[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);

  const open = useCallback(
    async (next: string) => {
      setEntries(null);
      setError(null);
      const r = await api.invoke('volumes:browse', { name: volume, path: next });
      if (!r.ok) return setError(r.error);
      setPath(r.data.path);
      setEntries(r.data.entries);
      setTruncated(r.data.truncated);
    },
    [volume],
  );
  useEffect(() => {
    let live = true;
    void api.invoke('volumes:browse', { name: volume, path: '' }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setEntries(r.data.entries);
      setTruncated(r.data.truncated);
    });
    return () => {
      live = false;
    };
  }, [volume]);

  const download = async (entry: VolumeEntry) => {
    setDownloading(entry.path);
    const r = await api.invoke('volumes:download', { name: volume, path: entry.path });
    setDownloading(null);
    if (!r.ok) return setError(r.error);
    saveBytes(r.data.name, r.data.base64);
  };

  const crumbs = path ? path.split('/') : [];
  return (
    <Dialog title={`Files in ${volume}`} wide onClose={onClose}>
      <div className="stack-tight">
        <nav className="browse-path" aria-label="Folder">
          <button type="button" className="link-button" onClick={() => void open('')}>
            {volume}
          </button>
          {crumbs.map((c, i) => (
            <span key={i}>
              /{' '}
              <button type="button" className="link-button" onClick={() => void open(crumbs.slice(0, i + 1).join('/'))}>
                {c}
              </button>
            </span>
          ))}
        </nav>
        <p className="muted small">Read-only. Porthole reads the volume through a short-lived helper container that is removed right after.</p>
        {error && <ErrorBox error={error} />}
        {!entries && !error && <p className="muted">Reading…</p>}
        {entries && entries.length === 0 && <p className="muted">This folder is empty.</p>}
        {entries && entries.length > 0 && (
          <div className="browse-list">
            <table className="res-table" data-testid="volume-files">
              <thead>
                <tr>
                  <th>Name</th>
                  <th className="num">Size</th>
                  <th>Modified</th>
                  <th className="actions">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.path} data-testid="volume-file" data-name={e.name}>
                    <td className="clip mono">
                      {e.type === 'directory' ? (
                        <button type="button" className="link-button" onClick={() => void open(e.path)}>
                          ▸ {e.name}/
                        </button>
                      ) : (
                        <span>
                          {e.name}
                          {e.linkTarget && <span className="muted"> → {e.linkTarget}</span>}
                        </span>
                      )}
                    </td>
                    <td className="num">{e.type === 'file' ? formatBytes(e.sizeBytes) : ''}</td>
                    <td className="muted small">{e.modifiedMs ? formatRelative(e.modifiedMs) : ''}</td>
                    <td className="actions">
                      {e.type === 'file' && (
                        <button type="button" className="btn" aria-label={`Download ${e.name}`} disabled={downloading === e.path} onClick={() => void download(e)}>
                          {downloading === e.path ? 'Downloading…' : 'Download'}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {truncated && <p className="muted small">Only the first 5,000 entries are shown.</p>}
      </div>
    </Dialog>
  );
}
