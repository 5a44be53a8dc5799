import { useEffect, useState } from 'react';
import { api } from '../../bridge';
import { ErrorBox } from '../../components/ErrorBox';
import { formatBytes } from '../../lib/format';
import type { ApiError } from '../../../../shared/errors';
import type { ImageHistoryEntry } from '../../../../shared/api/registry';
import '../../components/kit.css';

/** An image's layers: the command that made each and its size. */
export function ImageHistory({ image }: { image: string }) {
  const [rows, setRows] = useState<ImageHistoryEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('images:history', { id: image }).then((r) => live && (r.ok ? setRows(r.data) : setError(r.error)));
    return () => {
      live = false;
    };
  }, [image]);
  if (error) return <ErrorBox error={error} />;
  if (!rows) return <p className="muted">Reading layers…</p>;
  return (
    <table className="res-table" data-testid="image-history">
      <thead>
        <tr>
          <th>Created by</th>
          <th className="num">Size</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.id}-${i}`}>
            <td className="mono small" style={{ overflowWrap: 'anywhere' }}>
              {r.createdBy || <span className="muted">(no command)</span>}
            </td>
            <td className="num">{formatBytes(r.sizeBytes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
