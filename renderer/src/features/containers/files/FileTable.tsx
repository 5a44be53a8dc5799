import type { FileEntry } from '../../../../../shared/api/files';
import { formatBytes } from '../../../lib/format';

const TYPE_MARK: Record<FileEntry['type'], string> = { directory: '📁', file: '📄', symlink: '🔗', other: '◇' };

/** "rwxr-xr-x" from the permission bits. */
export function modeText(mode: number): string {
  return [6, 3, 0].map((shift) => ['r', 'w', 'x'].map((c, i) => ((mode >> shift) & (4 >> i) ? c : '-')).join('')).join('');
}

export function FileTable({ entries, loading, hasMore, onMore, onOpen, onDownload }: { entries: FileEntry[]; loading: boolean; hasMore: boolean; onMore: () => void; onOpen: (entry: FileEntry) => void; onDownload: (entry: FileEntry) => void }) {
  const sorted = [...entries].sort((a, b) => Number(b.type === 'directory') - Number(a.type === 'directory') || a.name.localeCompare(b.name));
  return (
    <div className="files-table-wrap">
      <table className="files-table" data-testid="files-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="num">Size</th>
            <th scope="col">Mode</th>
            <th scope="col">Owner</th>
            <th scope="col">Modified</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((e) => (
            <tr key={e.path} data-name={e.name} data-type={e.type}>
              <td className="files-name">
                <span aria-hidden>{TYPE_MARK[e.type]} </span>
                {e.type === 'directory' || e.type === 'file' || e.type === 'symlink' ? (
                  <button type="button" className="link-button" onClick={() => onOpen(e)}>
                    {e.name}
                  </button>
                ) : (
                  e.name
                )}
                {e.linkTarget !== undefined && <span className="muted"> → {e.linkTarget}</span>}
              </td>
              <td className="num">{e.type === 'file' ? formatBytes(e.sizeBytes) : ''}</td>
              <td><code>{modeText(e.mode)}</code></td>
              <td>{e.owner ?? e.uid}:{e.gid}</td>
              <td>{e.modifiedMs ? new Date(e.modifiedMs).toLocaleString() : ''}</td>
              <td>
                {e.type !== 'other' && e.type !== 'symlink' && (
                  <button type="button" className="btn btn-small" aria-label={`Download ${e.name}`} onClick={() => onDownload(e)}>
                    Download
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {loading && <p className="muted" role="status">Reading the folder…</p>}
      {!loading && entries.length === 0 && <p className="muted">This folder is empty.</p>}
      {hasMore && !loading && (
        <button type="button" className="btn btn-small" onClick={onMore}>
          Show more
        </button>
      )}
    </div>
  );
}
