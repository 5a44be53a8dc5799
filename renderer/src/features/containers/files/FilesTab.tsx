import { useState, type DragEvent } from 'react';
import type { ApiError } from '../../../../../shared/errors';
import { ErrorBox } from '../../../components/ErrorBox';
import { FileTable } from './FileTable';
import { FileEditor } from './FileEditor';
import { PathBar } from './PathBar';
import { useFolder } from './use-folder';
import { downloadPath, uploadFiles } from './file-transfer';
import './files.css';

/** A container's filesystem, running or stopped: browse, download, upload, view and edit small text files. */
export function FilesTab({ containerId, onOpenVolumes }: { containerId: string; onOpenVolumes?: () => void }) {
  const [path, setPath] = useState('/');
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const folder = useFolder(containerId, path);

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(`Uploading ${files.length} file${files.length === 1 ? '' : 's'}…`);
    setProblem(await uploadFiles(containerId, path, files));
    setBusy(null);
    folder.reload();
  };
  const download = async (target: string) => {
    setBusy('Preparing the download…');
    setProblem(await downloadPath(containerId, target));
    setBusy(null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void upload([...e.dataTransfer.files]);
  };

  return (
    <div
      className={dragging ? 'files-tab dragging' : 'files-tab'}
      data-testid="files-tab"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p className="files-note" role="note">
        Changes made here live in the container’s writable layer and are <strong>lost when the container is removed</strong>. Keep data that must last in a{' '}
        {onOpenVolumes ? (
          <button type="button" className="link-button" onClick={onOpenVolumes}>
            volume
          </button>
        ) : (
          'volume'
        )}
        .
      </p>
      <PathBar path={path} onGo={(p) => { setEditing(null); setPath(p); }} onUpload={(files) => void upload(files)} onDownload={() => void download(path)} busy={busy} />
      {problem && <ErrorBox error={problem} />}
      {folder.error ? (
        <ErrorBox error={folder.error} />
      ) : (
        <FileTable
          entries={folder.entries}
          loading={folder.loading}
          hasMore={folder.nextAfter !== null}
          onMore={folder.more}
          onOpen={(entry) => (entry.type === 'directory' ? setPath(entry.path) : setEditing(entry.path))}
          onDownload={(entry) => void download(entry.path)}
        />
      )}
      {editing && <FileEditor key={editing} containerId={containerId} path={editing} onClose={() => setEditing(null)} onSaved={folder.reload} />}
      <p className="muted files-drop-hint">Drop files anywhere here to upload them into {path}.</p>
    </div>
  );
}
