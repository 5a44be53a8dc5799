import type { ReactNode } from 'react';
import { api } from '../../bridge';
import { TextField } from '../../components/TextField';
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
  const tagProblem = showTagError ? tagError(form.tag) : null;
  const dockerfileProblem = dockerfileError(form.dockerfile);
  const set = (patch: Partial<BuildForm>) => onChange({ ...form, ...patch });
  const setArg = (key: number, patch: Partial<ArgRow>) => set({ args: form.args.map((r) => (r.key === key ? { ...r, ...patch } : r)) });

  const pick = async () => {
    const r = await api.invoke('host:pick-folder', { title: 'Choose the folder with the Dockerfile' });
    if (r.ok && r.data.path) set({ folder: r.data.path });
  };

  return (
    <>
      <TextField
        label="Folder"
        value={form.folder}
        placeholder={isDesktop ? 'Choose a folder…' : '/full/path/to/your/app'}
        autoFocus
        error={check.state === 'problem' ? check.message : null}
        hint={folderHint(check, isDesktop)}
        confirmed={check.state === 'ok'}
        noteTestId="folder-note"
        onChange={(folder) => set({ folder })}
        onBlur={checkNow}
        addon={
          isDesktop && (
            <button type="button" className="btn" onClick={() => void pick()}>
              Choose…
            </button>
          )
        }
      />
      <TextField
        label="Tag"
        value={form.tag}
        placeholder="greeting-app or greeting-app:1.0"
        error={tagProblem}
        hint="The name you will run it by. Lowercase letters, digits, . _ -; add :version if you like."
        noteTestId="tag-note"
        onChange={(tag) => {
          onTagTouched();
          set({ tag });
        }}
        onBlur={onTagTouched}
      />
      <TextField label="Dockerfile" value={form.dockerfile} error={dockerfileProblem} hint="Its path inside the folder." onChange={(dockerfile) => set({ dockerfile })} />
      <fieldset className="field rows-field">
        <legend>Build args</legend>
        {form.args.length === 0 && <div className="field-hint">None. They fill the Dockerfile’s ARG lines.</div>}
        {form.args.map((row, i) => (
          <div className="input-row" key={row.key}>
            <input className="input mono" aria-label={`Build arg ${i + 1} name`} placeholder="NAME" value={row.name} onChange={(e) => setArg(row.key, { name: e.target.value })} />
            <span className="muted">=</span>
            <input className="input mono grow" aria-label={`Build arg ${i + 1} value`} placeholder="value" value={row.value} onChange={(e) => setArg(row.key, { value: e.target.value })} />
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

/** What the folder line says while the folder is fine, being checked, or not chosen yet. */
function folderHint(check: FolderCheck, isDesktop: boolean): ReactNode {
  if (check.state === 'ok') return `✓ ${check.message}`;
  if (check.state === 'checking') return 'Checking the folder…';
  return isDesktop ? 'The folder that holds your Dockerfile and app.' : 'Type the full path of the folder that holds your Dockerfile and app.';
}
