import { useEffect, useMemo, useState } from 'react';
import { api } from '../../bridge';
import { SearchBox } from '../../components/SearchBox';
import { PageHeader } from '../../components/PageHeader';
import { useStore } from '../../store';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { formatBytes } from '../../lib/format';
import type { ImageSummary } from '../../../../shared/dto';
import { imageRef, visibleImages, type SortDir, type SortKey } from './image-label';
import { ImagesTable } from './ImagesTable';
import { BuildDialog } from './BuildDialog';
import { RunDialog } from './RunDialog';
import { RemoveImageDialog } from './RemoveImageDialog';
import { ImageDetailDialog, type ImageDetailTab } from './ImageDetailDialog';
import { PullButton } from '../registries/PullButton';
import './images.css';

export function ImagesView() {
  const images = useStore((s) => s.images);
  const loaded = useStore((s) => s.imagesLoaded);
  const listError = useStore((s) => s.imagesError);
  const refreshImages = useStore((s) => s.refreshImages);
  const connected = useStore((s) => s.status.state === 'connected');
  const focusId = useStore((s) => s.focusId);
  const buildOpen = useStore((s) => s.buildDialogOpen);
  const openBuildDialog = useStore((s) => s.openBuildDialog);

  const [query, setQuery] = useState('');
  const [sortKey, setSortKey] = useState<SortKey>('created');
  const [sortDir, setSortDir] = useState<SortDir>('desc');
  const [running, setRunning] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ImageSummary | null>(null);
  const [detail, setDetail] = useState<{ image: ImageSummary; tab: ImageDetailTab } | null>(null);

  useEffect(() => {
    if (connected) void refreshImages();
  }, [connected, refreshImages]);

  const shown = useMemo(() => visibleImages(images, query, sortKey, sortDir), [images, query, sortKey, sortDir]);
  const totalBytes = useMemo(() => images.reduce((sum, i) => sum + i.sizeBytes, 0), [images]);

  const toast = useStore((s) => s.toast);
  const untag = async (image: ImageSummary) => {
    const tag = imageRef(image);
    const r = await api.invoke('images:remove', { id: tag, force: false });
    if (r.ok) toast({ tone: 'success', title: `Removed the tag ${tag}`, body: `The image keeps ${image.tags.slice(1).join(', ')}.` });
    else toast({ tone: 'error', title: `Could not untag ${tag}`, body: r.error.message });
    void refreshImages();
  };

  const onSort = (key: SortKey) => {
    if (key === sortKey) setSortDir(sortDir === 'asc' ? 'desc' : 'asc');
    else {
      setSortKey(key);
      setSortDir(key === 'name' ? 'asc' : 'desc');
    }
  };

  const buildButton = (
    <button type="button" className="btn btn-primary" onClick={() => openBuildDialog(null)} disabled={!connected}>
      Build image
    </button>
  );

  return (
    <div className="stack images-view">
      <PageHeader
        title="Images"
        subtitle={loaded && images.length > 0 ? `${images.length} image${images.length === 1 ? '' : 's'} · ${formatBytes(totalBytes)} · one row per tag, as docker images lists them` : 'Build images from your app folders and run them.'}
      >
        {(images.length > 0 || !loaded) && (
          <>
            <SearchBox label="Search images" placeholder="Search images" value={query} onChange={setQuery} />
            <select className="input" aria-label="Sort by" value={`${sortKey}:${sortDir}`} onChange={(e) => {
              const [k, d] = e.target.value.split(':') as [SortKey, SortDir];
              setSortKey(k);
              setSortDir(d);
            }}>
              <option value="created:desc">Newest first</option>
              <option value="created:asc">Oldest first</option>
              <option value="name:asc">Name A–Z</option>
              <option value="name:desc">Name Z–A</option>
              <option value="size:desc">Largest first</option>
              <option value="size:asc">Smallest first</option>
            </select>
            <PullButton onRun={setRunning} />
            {buildButton}
          </>
        )}
      </PageHeader>

      {listError && <ErrorBox error={listError} />}
      {!connected && !loaded && <p className="muted">Waiting for the Docker Engine…</p>}
      {connected && !loaded && <p className="muted">Loading images…</p>}
      {loaded && images.length === 0 && !listError && (
        <EmptyState title="No images yet — build one from a folder with a Dockerfile" action={<div className="toolbar">{buildButton}<PullButton onRun={setRunning} /></div>}>
          Pick the folder of your app; Porthole builds it and shows each step as it runs. Or pull a ready-made image from a registry.
        </EmptyState>
      )}
      {images.length > 0 && shown.length === 0 && (
        <p className="muted" data-testid="images-no-match">
          No image matches “{query}”.{' '}
          <button type="button" className="link-button" onClick={() => setQuery('')}>
            Clear the search
          </button>
        </p>
      )}
      {shown.length > 0 && (
        <ImagesTable images={shown} sortKey={sortKey} sortDir={sortDir} onSort={onSort} onRun={(i) => setRunning(imageRef(i))} onRemove={setRemoving} onUntag={(i) => void untag(i)} onDetail={(image, tab) => setDetail({ image, tab })} focusId={focusId} />
      )}

      {buildOpen && <BuildDialog onRun={setRunning} />}
      {running && <RunDialog image={running} onClose={() => setRunning(null)} />}
      {removing && <RemoveImageDialog image={removing} onClose={() => setRemoving(null)} />}
      {detail && <ImageDetailDialog image={detail.image} tab={detail.tab} onClose={() => setDetail(null)} />}
    </div>
  );
}
