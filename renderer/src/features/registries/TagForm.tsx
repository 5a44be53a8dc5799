import { useState } from 'react';
import { api } from '../../bridge';
import { ErrorBox } from '../../components/ErrorBox';
import { TextField } from '../../components/TextField';
import { checkImageReference } from '../../../../shared/reference';
import type { ApiError } from '../../../../shared/errors';

/** Adds a name to a local image (`docker tag`), checked like the docker CLI checks it. */
export function TagForm({ source, onTagged }: { source: string; onTagged?: (reference: string) => void }) {
  const [target, setTarget] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [tagged, setTagged] = useState<string | null>(null);

  const tag = async () => {
    const ref = target.trim();
    const check = checkImageReference(ref);
    if (!check.ok) return setInvalid(check.reason);
    setInvalid(null);
    setError(null);
    setBusy(true);
    const r = await api.invoke('images:tag', { source, target: ref });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setTagged(r.data.reference);
    setTarget('');
    onTagged?.(r.data.reference);
  };

  return (
    <div className="stack-tight">
      <form onSubmit={(e) => (e.preventDefault(), void tag())}>
        <TextField
          label="New tag"
          value={target}
          placeholder="my-app:1.2 or 127.0.0.1:5000/team/my-app:1.2"
          error={invalid}
          hint="Without a tag Porthole adds :latest. The image keeps its other names."
          onChange={(text) => {
            setTarget(text);
            setInvalid(null);
          }}
          addon={
            <button type="submit" className="btn btn-primary" disabled={busy || !target.trim()}>
              {busy ? 'Tagging…' : 'Add tag'}
            </button>
          }
        />
      </form>
      {error && <ErrorBox error={error} />}
      {tagged && (
        <p className="field-ok" data-testid="tag-done">
          ✓ Tagged as <span className="mono">{tagged}</span>
        </p>
      )}
    </div>
  );
}
