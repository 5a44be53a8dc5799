import { useId, useState } from 'react';
import { api } from '../../bridge';
import { useStore } from '../../store';
import { ErrorBox } from '../../components/ErrorBox';
import type { ComposePreview } from '../../../../shared/api/compose';
import type { ApiError } from '../../../../shared/errors';
import { ComposePreviewPanel } from './ComposePreviewPanel';
import { useComposeRuns } from './compose-runs';

/** Open a folder or a compose file, see what would start, then Up. */
export function OpenCompose() {
  const id = useId();
  const canPick = useStore((s) => s.hostCaps.folderPicker);
  const start = useComposeRuns((s) => s.start);
  const binary = useComposeRuns((s) => s.binary);
  const [path, setPath] = useState('');
  const [preview, setPreview] = useState<ComposePreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const [projectName, setProjectName] = useState('');
  const nameValid = /^[a-z0-9][a-z0-9_-]*$/.test(projectName);
  const open = async (target = path) => {
    if (!target.trim()) return;
    setLoading(true);
    setError(null);
    const r = await api.invoke('compose:open', { path: target.trim() });
    setLoading(false);
    if (r.ok) {
      setPreview(r.data);
      setProjectName(r.data.projectName);
    }
    else {
      setPreview(null);
      setError(r.error);
    }
  };
  const pick = async () => {
    const r = await api.invoke('host:pick-folder', { title: 'Choose the folder with the compose file' });
    if (r.ok && r.data.path) {
      setPath(r.data.path);
      void open(r.data.path);
    }
  };
  const blocked = !preview || preview.problems.length > 0 || preview.services.some((s) => s.ports.some((p) => p.taken)) || binary?.found === false || !nameValid;
  const up = async () => {
    if (!preview) return;
    const ok = await start({ action: 'up', project: projectName, files: preview.files, workingDir: preview.workingDir });
    if (ok) setPreview(null);
  };
  return (
    <section className="panel stack-tight" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Open a compose project</h3>
      <form className="open-compose-row" onSubmit={(e) => (e.preventDefault(), void open())}>
        <label htmlFor={`${id}-path`} className="sr-only">
          Folder or compose file
        </label>
        <input id={`${id}-path`} className="input mono" value={path} placeholder="/path/to/app or /path/to/compose.yaml" onChange={(e) => setPath(e.target.value)} />
        {canPick && (
          <button type="button" className="btn" onClick={() => void pick()}>
            Choose…
          </button>
        )}
        <button type="submit" className="btn" disabled={!path.trim() || loading}>
          {loading ? 'Reading…' : 'Preview'}
        </button>
      </form>
      <p className="field-hint">compose.yaml, compose.yml, docker-compose.yml or .yaml, with its *.override.* file and the folder&apos;s .env, as compose reads them.</p>
      {error && <ErrorBox error={error} />}
      {preview && (
        <>
          <ComposePreviewPanel preview={preview} />
          <div className="open-compose-row">
            <label htmlFor={`${id}-name`} className="compose-name-label">
              Project name
            </label>
            <input id={`${id}-name`} className="input mono" value={projectName} aria-invalid={!nameValid} onChange={(e) => setProjectName(e.target.value)} />
            <button type="button" className="btn btn-primary" disabled={blocked} onClick={() => void up()}>
              Up {projectName}
            </button>
          </div>
          {!nameValid && <p className="field-hint">Lowercase letters, digits, - and _; starting with a letter or digit.</p>}
        </>
      )}
    </section>
  );
}
