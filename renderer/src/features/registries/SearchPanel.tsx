import { useId, useState } from 'react';
import { api } from '../../bridge';
import { ErrorBox } from '../../components/ErrorBox';
import type { ApiError } from '../../../../shared/errors';
import type { RegistrySearchResult } from '../../../../shared/api/registry';

/** Search Docker Hub (through the engine) or a private registry's catalog; each hit can be pulled or run (which pulls it first). */
export function SearchPanel({ registries, onPull, onRun }: { registries: string[]; onPull: (reference: string) => void; onRun?: (reference: string) => void }) {
  const id = useId();
  const [registry, setRegistry] = useState('');
  const [term, setTerm] = useState('');
  const [results, setResults] = useState<RegistrySearchResult[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const search = async () => {
    setBusy(true);
    setError(null);
    const r = await api.invoke('registry:search', { term, ...(registry.trim() ? { registry: registry.trim() } : {}) });
    setBusy(false);
    if (!r.ok) {
      setResults(null);
      return setError(r.error);
    }
    setResults(r.data);
  };
  return (
    <section className="panel stack-tight">
      <h2>Find an image</h2>
      <form className="field-pair" onSubmit={(e) => (e.preventDefault(), void search())}>
        <div className="field">
          <label htmlFor={`${id}-r`}>Where</label>
          <input id={`${id}-r`} className="input mono" list={`${id}-known`} value={registry} placeholder="Docker Hub (empty) or 127.0.0.1:5000" onChange={(e) => setRegistry(e.target.value)} />
          <datalist id={`${id}-known`}>
            {registries.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${id}-t`}>Name contains</label>
          <input id={`${id}-t`} className="input" value={term} onChange={(e) => setTerm(e.target.value)} placeholder="nginx" />
        </div>
        <div className="field">
          <label aria-hidden>&nbsp;</label>
          <button type="submit" className="btn" disabled={busy}>
            {busy ? 'Searching…' : 'Search'}
          </button>
        </div>
      </form>
      {error && <ErrorBox error={error} />}
      {results && results.length === 0 && <p className="muted">Nothing matches.</p>}
      {results && results.length > 0 && (
        <ul className="search-results" data-testid="search-results">
          {results.map((r) => (
            <li key={r.name}>
              <span>
                <span className="mono">{r.name}</span>
                {r.official && <span className="chip">official</span>}
                {r.stars !== undefined && <span className="muted small"> ★ {r.stars}</span>}
                {r.description && <div className="muted small">{r.description}</div>}
              </span>
              <span className="search-actions">
                <button type="button" className="btn" aria-label={`Pull ${r.name}`} onClick={() => onPull(r.name)}>
                  Pull…
                </button>
                {onRun && (
                  <button type="button" className="btn" aria-label={`Run ${r.name}`} onClick={() => onRun(r.name)}>
                    ▶ Run…
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
