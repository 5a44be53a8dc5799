import { useEffect, useState } from 'react';
import { MAX_EDIT_BYTES, type FileContent } from '../../../../../shared/api/files';
import type { ApiError } from '../../../../../shared/errors';
import { api } from '../../../bridge';
import { ErrorBox } from '../../../components/ErrorBox';
import { base64ToBytes, textToBase64 } from '../../../lib/base64';

/** Shows a text file and, up to 1 MB, lets it be edited and saved back into the container. */
export function FileEditor({ containerId, path, onClose, onSaved }: { containerId: string; path: string; onClose: () => void; onSaved: () => void }) {
  const [file, setFile] = useState<FileContent | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    void api.invoke('files:read', { containerId, path }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(r.error);
      setFile(r.data);
      setText(r.data.text ? new TextDecoder().decode(base64ToBytes(r.data.base64)) : '');
    });
    return () => {
      live = false;
    };
  }, [containerId, path]);

  const original = file?.text ? new TextDecoder().decode(base64ToBytes(file.base64)) : '';
  const tooBig = new TextEncoder().encode(text).length > MAX_EDIT_BYTES;
  const save = async () => {
    setSaving(true);
    const r = await api.invoke('files:save', { containerId, path, base64: textToBase64(text) });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setSaved(true);
    setFile({ ...(file as FileContent), base64: textToBase64(text) });
    onSaved();
  };

  return (
    <section className="file-editor" aria-label={`File ${path}`} data-testid="file-editor">
      <header className="file-editor-head">
        <code>{path}</code>
        <span className="files-actions">
          {saved && text === original && <span className="muted" role="status">Saved</span>}
          {file?.text && (
            <button type="button" className="btn btn-small btn-primary" disabled={saving || text === original || tooBig} onClick={() => void save()}>
              {saving ? 'Saving…' : 'Save'}
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={onClose}>
            Close
          </button>
        </span>
      </header>
      {error && <ErrorBox error={error} />}
      {!file && !error && <p className="muted">Reading…</p>}
      {file && !file.text && <p className="muted">This file is not UTF-8 text ({file.sizeBytes} bytes); download it to look inside.</p>}
      {file?.text && (
        <textarea
          className="file-editor-text"
          aria-label={`Contents of ${path}`}
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSaved(false);
          }}
        />
      )}
      {tooBig && <p className="error-next">Files up to 1 MB can be saved from here.</p>}
    </section>
  );
}
