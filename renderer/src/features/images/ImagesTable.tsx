import { formatBytes, formatRelative } from '../../lib/format';
import type { ImageSummary } from '../../../../shared/dto';
import { imageLabel, imageShortId, type SortDir, type SortKey } from './image-label';
import type { ImageDetailTab } from './ImageDetailDialog';

interface Props {
  images: ImageSummary[];
  sortKey: SortKey;
  sortDir: SortDir;
  onSort: (key: SortKey) => void;
  onRun: (image: ImageSummary) => void;
  onRemove: (image: ImageSummary) => void;
  onDetail: (image: ImageSummary, tab: ImageDetailTab) => void;
  focusId: string | null;
}

function SortHeader({ label, k, sortKey, sortDir, onSort, className }: { label: string; k: SortKey; sortKey: SortKey; sortDir: SortDir; onSort: (key: SortKey) => void; className?: string }) {
  const active = sortKey === k;
  return (
    <th className={className} aria-sort={active ? (sortDir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="th-button" onClick={() => onSort(k)}>
        {label}
        <span className="sort-mark" aria-hidden>
          {active ? (sortDir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

export function ImagesTable({ images, sortKey, sortDir, onSort, onRun, onRemove, onDetail, focusId }: Props) {
  const sort = { sortKey, sortDir, onSort };
  return (
    <table className="data-table images-table">
      <thead>
        <tr>
          <SortHeader label="Name" k="name" {...sort} />
          <th>Image ID</th>
          <SortHeader label="Size" k="size" className="num" {...sort} />
          <SortHeader label="Created" k="created" {...sort} />
          <th>Used by</th>
          <th className="actions-col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {images.map((image) => {
          const label = imageLabel(image);
          const dangling = image.tags.length === 0;
          return (
            <tr key={image.id} data-testid="image-row" data-tag={label} data-id={image.id} className={focusId === image.id ? 'row-focus' : undefined}>
              <td className="name-cell">
                <span className={dangling ? 'mono muted' : 'mono'}>{label}</span>
                {image.tags.length > 1 && (
                  <span className="muted small" title={image.tags.slice(1).join('\n')}>
                    {' '}
                    +{image.tags.length - 1} more
                  </span>
                )}
              </td>
              <td className="mono muted">{imageShortId(image)}</td>
              <td className="num">{formatBytes(image.sizeBytes)}</td>
              <td className="nowrap" title={new Date(image.createdMs).toLocaleString()}>
                {formatRelative(image.createdMs)}
              </td>
              <td data-testid="image-used-count">
                {image.containers > 0 ? (
                  <span className="pill">
                    {image.containers} container{image.containers === 1 ? '' : 's'}
                  </span>
                ) : image.containers === 0 ? (
                  <span className="muted">unused</span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="actions-col">
                <button type="button" className="btn btn-small" aria-label={`Run ${label}`} onClick={() => onRun(image)}>
                  ▶ Run
                </button>
                <button type="button" className="btn btn-small" aria-label={`Details of ${label}`} title="History, tag and push" onClick={() => onDetail(image, 'history')}>
                  Details
                </button>
                <button type="button" className="btn btn-small btn-danger" aria-label={`Remove ${label}`} onClick={() => onRemove(image)}>
                  Remove
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
