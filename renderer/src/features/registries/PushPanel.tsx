import { useState } from 'react';
import { api } from '../../bridge';
import { ErrorBox } from '../../components/ErrorBox';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useStore } from '../../store';
import { checkImageReference } from '../../../../shared/reference';
import type { ApiError } from '../../../../shared/errors';
import { TransferOutcome } from './TransferOutcome';
import { useTransfer } from './use-transfer';
import { ImageHistory } from './ImageHistory';

/** Whether a reference names its registry host (so pushing it needs no new tag). */
const namesRegistry = (ref: string): boolean => {
  const first = ref.split('/')[0];
  return ref.includes('/') && (first === 'localhost' || first.includes('.') || first.includes(':'));
};

/**
 * "Push as": tags `source` with the target (when it differs) and pushes it with per-layer upload
 * progress. Used by the Registries view (with a picker of local images) and the Images view (one image).
 */
export function PushForm({ source, sources, onSourceChange }: { source: string; sources?: string[]; onSourceChange?: (source: string) => void }) {
  const [target, setTarget] = useState(() => (namesRegistry(source) ? source : ''));
  const [invalid, setInvalid] = useState<string | null>(null);
  const [tagError, setTagError] = useState<ApiError | null>(null);
  const { state, start, cancel } = useTransfer('push');
  const running = state.status === 'running';

  const push = async () => {
    const check = checkImageReference(target.trim());
    if (!check.ok) return setInvalid(check.reason);
    setInvalid(null);
    setTagError(null);
    const ref = target.trim();
    if (ref !== source) {
      const r = await api.invoke('images:tag', { source, target: ref });
      if (!r.ok) return setTagError(r.error);
    }
    start(ref);
  };

  return (
    <div className="stack-tight">
      <form className="field-pair" onSubmit={(e) => (e.preventDefault(), void push())}>
        {sources && onSourceChange && <SelectField label="Local image" mono value={source} none="Choose…" choices={sources} onChange={onSourceChange} />}
        <TextField
          label="Push as"
          className="grow"
          value={target}
          placeholder="127.0.0.1:5000/team/app:1 or user/app:1"
          error={invalid}
          onChange={setTarget}
          addon={
            running ? (
              <button type="button" className="btn" onClick={cancel}>
                Cancel push
              </button>
            ) : (
              <button type="submit" className="btn btn-primary" disabled={!source || !target.trim()}>
                {target.trim() !== '' && target.trim() === source ? 'Push' : 'Tag and push'}
              </button>
            )
          }
        />
      </form>
      {tagError && <ErrorBox error={tagError} />}
      <TransferOutcome state={state} />
    </div>
  );
}

/** Tag a local image for a registry and push it, with per-layer upload progress. */
export function PushPanel() {
  const images = useStore((s) => s.images);
  const tags = images.flatMap((i) => i.tags);
  const [source, setSource] = useState('');
  return (
    <section className="panel stack-tight">
      <h2>Push an image</h2>
      <PushForm source={source} sources={tags} onSourceChange={setSource} />
      {source && (
        <details>
          <summary>Layers of {source}</summary>
          <ImageHistory image={source} />
        </details>
      )}
    </section>
  );
}
