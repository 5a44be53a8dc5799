import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { FormDialog } from '../../components/FormDialog';
import { useStore } from '../../store';
import { taskOfKind } from '../../store/tasks-slice';
import { parseBuildForm, type BuildForm, type BuildFormErrors } from './build-form';
import { BuildFormFields } from './BuildForm';
import { BuildProgress } from './BuildProgress';
import { useFolderCheck } from './use-folder-check';

const emptyForm = (): BuildForm => ({ folder: '', tag: '', dockerfile: 'Dockerfile', args: [] });

/**
 * "Build an image": the form, then the build's live progress. Closing it leaves the build running
 * (it lives in the tasks slice); the sidebar indicator brings it back.
 */
export function BuildDialog({ onRun }: { onRun: (ref: string) => void }) {
  const viewedTaskId = useStore((s) => s.viewedTaskId);
  const task = useStore((s) => taskOfKind(s.viewedTaskId ? s.tasks[s.viewedTaskId] : undefined, 'build'));
  const close = useStore((s) => s.closeBuildDialog);
  const startBuild = useStore((s) => s.startBuild);
  const cancelBuild = useStore((s) => s.cancelTask);
  const openBuildDialog = useStore((s) => s.openBuildDialog);

  const [form, setForm] = useState<BuildForm>(() => (task ? { ...emptyForm(), folder: task.context, tag: task.tag } : emptyForm()));
  const [tagTouched, setTagTouched] = useState(false);
  const [errors, setErrors] = useState<BuildFormErrors>({});
  const { check, checkNow } = useFolderCheck(form.folder, form.dockerfile);

  const parsed = parseBuildForm(form);
  // The button stays enabled while the folder is being (re)checked: leaving the folder field re-checks it,
  // and disabling the button then swallowed the very click that left the field.
  const canBuild = parsed.ok && check.state !== 'problem' && form.folder.trim() !== '';
  const buildWhenChecked = useRef(false);

  const submit = () => {
    setTagTouched(true);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    if (check.state === 'ok') return startBuild(parsed.params);
    buildWhenChecked.current = true;
    if (check.state !== 'checking') checkNow();
  };

  useEffect(() => {
    if (!buildWhenChecked.current || check.state === 'checking') return;
    buildWhenChecked.current = false;
    if (check.state === 'ok' && parsed.ok) startBuild(parsed.params);
  }, [check.state, parsed, startBuild]);

  if (viewedTaskId && task) {
    const running = task.status === 'running';
    return (
      <Dialog
        title="Build an image"
        wide
        onClose={close}
        footer={
          <>
            {running && <span className="muted small footer-note">Closing keeps the build running.</span>}
            {running && (
              <button type="button" className="btn btn-danger" onClick={() => cancelBuild(task.id)}>
                Cancel build
              </button>
            )}
            {!running && (
              <button type="button" className="btn" onClick={() => openBuildDialog(null)}>
                {task.status === 'done' ? 'Build another' : 'Change and build again'}
              </button>
            )}
            <button type="button" className={task.status === 'done' ? 'btn' : 'btn btn-primary'} onClick={close}>
              Close
            </button>
            {task.status === 'done' && (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  close();
                  onRun(task.tag);
                }}
              >
                Run {task.tag}
              </button>
            )}
          </>
        }
      >
        <BuildProgress task={task} />
      </Dialog>
    );
  }

  return (
    <FormDialog title="Build an image" onClose={close} onSubmit={submit} primaryLabel="Build" canSubmit={canBuild}>
      <BuildFormFields
        form={form}
        onChange={setForm}
        showTagError={tagTouched}
        onTagTouched={() => setTagTouched(true)}
        argsError={errors.args ?? (parsed.ok ? undefined : parsed.errors.args)}
        folderCheck={check}
        checkFolderNow={checkNow}
      />
    </FormDialog>
  );
}
