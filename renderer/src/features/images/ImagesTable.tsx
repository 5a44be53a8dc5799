import { formatBytes, formatRelative } from '../../lib/format';
import type { ImageSummary } from '../../../../shared/dto';
import { ResourceTable, type Column } from '../../components/ResourceTable';
import { imageLabel, imageShortId, type SortDir, type SortKey } from './image-label';
import type { ImageDetailTab } from './ImageDetailDialog';

interface Props {
  /** One entry per tag (see visibleImages): `tags[0]` is the row's tag. */
  images: ImageSummary[];
  sortKey: SortKey;
  sortDir: SortDir;
  onSort: (key: SortKey) => void;
  onRun: (image: ImageSummary) => void;
  onRemove: (image: ImageSummary) => void;
  onUntag: (image: ImageSummary) => void;
  onDetail: (image: ImageSummary, tab: ImageDetailTab) => void;
  focusId: string | null;
}

function UsedBy({ image }: { image: ImageSummary }) {
  if (image.containers > 0)
    return (
      <span className="pill">
        {image.containers} container{image.containers === 1 ? '' : 's'}
      </span>
    );
  return <span className="muted">{image.containers === 0 ? 'unused' : '—'}</span>;
}

export function ImagesTable({ images, sortKey, sortDir, onSort, onRun, onRemove, onUntag, onDetail, focusId }: Props) {
  const sort = (k: SortKey) => ({ active: sortKey === k, dir: sortDir, onSort: () => onSort(k) });
  const columns: Column<ImageSummary>[] = [
    {
      key: 'name',
      header: 'Name',
      kind: 'clip',
      sort: sort('name'),
      title: (i) => (i.tags.length > 1 ? `${i.tags[0]}\nalso tagged: ${i.tags.slice(1).join(', ')}` : imageLabel(i)),
      cell: (i) => <span className={i.tags.length === 0 ? 'mono muted' : 'mono'}>{imageLabel(i)}</span>,
    },
    { key: 'id', header: 'Image ID', hideBelow: 'narrow', cell: (i) => <span className="mono muted">{imageShortId(i)}</span> },
    { key: 'size', header: 'Size', kind: 'num', sort: sort('size'), cell: (i) => formatBytes(i.sizeBytes) },
    { key: 'created', header: 'Created', kind: 'num', sort: sort('created'), title: (i) => new Date(i.createdMs).toLocaleString(), cell: (i) => formatRelative(i.createdMs) },
    { key: 'used', header: 'Used by', hideBelow: 'medium', cell: (i) => <span data-testid="image-used-count"><UsedBy image={i} /></span> },
    {
      key: 'actions',
      header: 'Actions',
      kind: 'actions',
      cell: (i) => {
        const label = imageLabel(i);
        return (
          <>
            <button type="button" className="btn btn-small" aria-label={`Run ${label}`} onClick={() => onRun(i)}>
              ▶ Run
            </button>
            <button type="button" className="btn btn-small" aria-label={`Details of ${label}`} title="History, tag and push" onClick={() => onDetail(i, 'history')}>
              Details
            </button>
            {i.tags.length > 1 ? (
              <button type="button" className="btn btn-small btn-danger" aria-label={`Untag ${label}`} title={`Remove the tag ${label}; the image keeps its other tags`} onClick={() => onUntag(i)}>
                Untag
              </button>
            ) : (
              <button type="button" className="btn btn-small btn-danger" aria-label={`Remove ${label}`} onClick={() => onRemove(i)}>
                Remove
              </button>
            )}
          </>
        );
      },
    },
  ];
  return (
    <ResourceTable
      label="Images"
      rows={images}
      rowKey={(i) => `${i.id}|${i.tags[0] ?? ''}`}
      columns={columns}
      highlight={(i) => focusId === i.id}
      rowAttrs={(i) => ({ 'data-testid': 'image-row', 'data-tag': imageLabel(i), 'data-id': i.id })}
    />
  );
}
