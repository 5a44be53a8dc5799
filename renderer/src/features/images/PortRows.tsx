import type { PortRow } from './run-form';

/** Host port → container port rows; the image's EXPOSE fills them in. */
export function PortRows({ rows, errors, onChange, onAdd, hostIp = '127.0.0.1' }: { rows: PortRow[]; errors?: Record<number, string>; onChange: (rows: PortRow[]) => void; onAdd: () => void; hostIp?: string }) {
  const update = (key: number, patch: Partial<PortRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="field rows-field">
      <legend>Ports</legend>
      {rows.length === 0 && <div className="field-hint">The image exposes no ports. Add one to reach the app from this machine.</div>}
      {rows.map((row) => (
        <div key={row.key} className="port-row-wrap" data-testid="port-row">
          <div className="input-row">
            <span className="muted small">{hostIp.includes(':') ? `[${hostIp}]` : hostIp}:</span>
            <input
              className="input mono port-input"
              aria-label="Host port"
              inputMode="numeric"
              placeholder="host"
              value={row.hostPort}
              aria-invalid={Boolean(errors?.[row.key])}
              onChange={(e) => update(row.key, { hostPort: e.target.value })}
            />
            <span className="muted" aria-hidden>
              →
            </span>
            <input
              className="input mono port-input"
              aria-label="Container port"
              inputMode="numeric"
              placeholder="container"
              value={row.containerPort}
              onChange={(e) => update(row.key, { containerPort: e.target.value })}
            />
            <select className="input" aria-label="Protocol" value={row.protocol} onChange={(e) => update(row.key, { protocol: e.target.value as 'tcp' | 'udp' })}>
              <option value="tcp">TCP</option>
              <option value="udp">UDP</option>
            </select>
            <button type="button" className="icon-button" aria-label={`Remove port ${row.hostPort || 'row'}`} onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
              ×
            </button>
          </div>
          {errors?.[row.key] && <div className="field-error">{errors[row.key]}</div>}
        </div>
      ))}
      <div>
        <button type="button" className="btn btn-small" onClick={onAdd}>
          Add port
        </button>
      </div>
    </fieldset>
  );
}
