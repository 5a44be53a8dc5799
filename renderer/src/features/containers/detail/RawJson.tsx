import { useDeferredValue, useState } from 'react';
import { CopyButton } from '../../../components/CopyButton';

/** `docker inspect`'s document, one foldable part per top-level key, narrowed to the parts that mention a search. */
export function RawJson({ raw }: { raw: unknown }) {
  const [query, setQuery] = useState('');
  const needle = useDeferredValue(query.trim().toLowerCase());
  const parts = Object.entries(raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : { value: raw }).map(([key, value]) => ({ key, text: JSON.stringify(value, null, 2) }));
  const shown = needle ? parts.filter((p) => p.key.toLowerCase().includes(needle) || p.text.toLowerCase().includes(needle)) : parts;
  return (
    <div className="raw-json-view" data-testid="raw-json">
      <div className="raw-json-toolbar">
        <input type="search" className="input" placeholder="Search the JSON" aria-label="Search the raw JSON" value={query} onChange={(e) => setQuery(e.target.value)} />
        <span className="muted small" role="status">
          {needle ? `${shown.length} of ${parts.length} parts mention it` : `${parts.length} parts`}
        </span>
        <CopyButton text={JSON.stringify(raw, null, 2)} what="the raw JSON" />
      </div>
      {shown.map((p) => (
        <details key={p.key} className="raw-json-part" open={Boolean(needle) || undefined}>
          <summary className="mono">{p.key}</summary>
          <pre className="raw-json" data-allow-hscroll tabIndex={0} aria-label={`${p.key} (raw JSON)`}>
            {p.text}
          </pre>
        </details>
      ))}
    </div>
  );
}
