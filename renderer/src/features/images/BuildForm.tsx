import { useId } from 'react';
import { api } from '../../bridge';
import { useStore } from '../../store';
import { dockerfileError, tagError, type ArgRow, type BuildForm } from './build-form';
import type { FolderCheck } from './use-folder-check';

let nextArgKey = 0;
export const newArgRow = (): ArgRow => ({ key: ++nextArgKey, name: '', value: '' });

export interface BuildFormFieldsProps {
  form: BuildForm;
  onChange: (form: BuildForm) => void;
  /** Tag touched: show its error only after the user typed in it (or tried to build). */
  showTagError: boolean;
  onTagTouched: () => void;
  argsError?: string;
  folderCheck: FolderCheck;
  checkFolderNow: () => void;
}

/** The build dialog's fields: folder (picker in the app, typed path in the browser), tag, Dockerfile, build args. */
export function BuildFormFields({ form, onChange, showTagError, onTagTouched, argsError, folderCheck: check, checkFolderNow: checkNow }: BuildFormFieldsProps) {
  const isDesktop = useStore((s) => s.hostCaps.folderPicker);
  const ids = { folder: useId(), tag: useId(), dockerfile: useId(), folderNote: useId(), tagNote: useId(), dfNote: useId() };
  const tagProblem = showTagError ? tagError(form.tag) : null;
  const dockerfileProblem = dockerfileError(form.dockerfile);
  const set = (patch: Partial<BuildForm>) => onChange({ ...form, ...patch });

  const pick = async () => {
    const r = await api.invoke('host:pick-folder', { title: 'Choose the folder with the Dockerfile' });
    if (r.ok && r.data.path) set({ folder: r.data.path });
  };

  return (
    <>
      <div className="field">
        <label htmlFor={ids.folder}>Folder</label>
        <div className="input-row">
          <input
            id={ids.folder}
            className="input grow mono"
            value={form.folder}
            placeholder={isDesktop ? 'Choose a folder…' : '/full/path/to/your/app'}
            spellCheck={false}
            autoFocus
            aria-invalid={check.state === 'problem'}
            aria-describedby={ids.folderNote}
            onChange={(e) => set({ folder: e.target.value })}
            onBlur={checkNow}
          />
          {isDesktop && (
            <button type="button" className="btn" onClick={() => void pick()}>
              Choose…
            </button>
          )}
        </div>
        <FolderNote id={ids.folderNote} check={check} />
      </div>
      <div className="field">
        <label htmlFor={ids.tag}>Tag</label>
        <input
          id={ids.tag}
          className="input mono"
          value={form.tag}
          placeholder="greeting-app or greeting-app:1.0"
          spellCheck={false}
          aria-invalid={tagProblem !== null}
          aria-describedby={ids.tagNote}
          onChange={(e) => {
            onTagTouched();
            set({ tag: e.target.value });
          }}
          onBlur={onTagTouched}
        />
        <div id={ids.tagNote} className={tagProblem ? 'field-error' : 'field-hint'} data-testid="tag-note">
          {tagProblem ?? 'The name you will run it by. Lowercase letters, digits, . _ -; add :version if you like.'}
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.dockerfile}>Dockerfile</label>
        <input
          id={ids.dockerfile}
          className="input mono"
          value={form.dockerfile}
          spellCheck={false}
          aria-invalid={dockerfileProblem !== null}
          aria-describedby={ids.dfNote}
          onChange={(e) => set({ dockerfile: e.target.value })}
        />
        <div id={ids.dfNote} className={dockerfileProblem ? 'field-error' : 'field-hint'}>
          {dockerfileProblem ?? 'Its path inside the folder.'}
        </div>
      </div>
      <fieldset className="field rows-field">
        <legend>Build args</legend>
        {form.args.length === 0 && <div className="field-hint">None. They fill the Dockerfile’s ARG lines.</div>}
        {form.args.map((row, i) => (
          <div className="input-row" key={row.key}>
            <input
              className="input mono"
              aria-label={`Build arg ${i + 1} name`}
              placeholder="NAME"
              value={row.name}
              onChange={(e) => set({ args: form.args.map((r) => (r.key === row.key ? { ...r, name: e.target.value } : r)) })}
            />
            <span className="muted">=</span>
            <input
              className="input mono grow"
              aria-label={`Build arg ${i + 1} value`}
              placeholder="value"
              value={row.value}
              onChange={(e) => set({ args: form.args.map((r) => (r.key === row.key ? { ...r, value: e.target.value } : r)) })}
            />
            <button type="button" className="icon-button" aria-label={`Remove build arg ${i + 1}`} onClick={() => set({ args: form.args.filter((r) => r.key !== row.key) })}>
              ×
            </button>
          </div>
        ))}
        {argsError && <div className="field-error">{argsError}</div>}
        <div>
          <button type="button" className="btn btn-small" onClick={() => set({ args: [...form.args, newArgRow()] })}>
            Add build arg
          </button>
        </div>
      </fieldset>
    </>
  );
}

function FolderNote({ id, check }: { id: string; check: FolderCheck }) {
  const isDesktop = useStore((s) => s.hostCaps.folderPicker);
  if (check.state === 'problem')
    return (
      <div id={id} className="field-error" data-testid="folder-note">
        {check.message}
      </div>
    );
  if (check.state === 'ok')
    return (
      <div id={id} className="field-ok" data-testid="folder-note">
        ✓ {check.message}
      </div>
    );
  return (
    <div id={id} className="field-hint" data-testid="folder-note">
      {check.state === 'checking' ? 'Checking the folder…' : isDesktop ? 'The folder that holds your Dockerfile and app.' : 'Type the full path of the folder that holds your Dockerfile and app.'}
    </div>
  );
}
