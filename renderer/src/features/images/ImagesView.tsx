import { useEffect, useMemo, useRef, useState } from 'react';
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
import { PullButton } from '../pull/PullButton';
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
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (connected) void refreshImages();
  }, [connected, refreshImages]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const shown = useMemo(() => visibleImages(images, query, sortKey, sortDir), [images, query, sortKey, sortDir]);
  const totalBytes = useMemo(() => images.reduce((sum, i) => sum + i.sizeBytes, 0), [images]);

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
      <header className="page-header-row">
        <div className="page-header">
          <h1>Images</h1>
          <p className="muted">
            {loaded && images.length > 0 ? `${images.length} image${images.length === 1 ? '' : 's'} · ${formatBytes(totalBytes)}` : 'Build images from your app folders and run them.'}
          </p>
        </div>
        {(images.length > 0 || !loaded) && (
          <div className="toolbar">
            <input
              ref={searchRef}
              type="search"
              className="input search-input"
              placeholder="Search images   /"
              aria-label="Search images"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setQuery('');
                  e.currentTarget.blur();
                }
              }}
            />
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
          </div>
        )}
      </header>

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
        <div className="panel table-panel">
          <ImagesTable images={shown} sortKey={sortKey} sortDir={sortDir} onSort={onSort} onRun={(i) => setRunning(imageRef(i))} onRemove={setRemoving} onDetail={(image, tab) => setDetail({ image, tab })} focusId={focusId} />
        </div>
      )}

      {buildOpen && <BuildDialog onRun={setRunning} />}
      {running && <RunDialog image={running} onClose={() => setRunning(null)} />}
      {removing && <RemoveImageDialog image={removing} onClose={() => setRemoving(null)} />}
      {detail && <ImageDetailDialog image={detail.image} tab={detail.tab} onClose={() => setDetail(null)} />}
    </div>
  );
}
