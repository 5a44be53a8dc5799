import type { ComposePreview } from '../../../../shared/api/compose';

/** What `up` would start, read from the files before anything runs; problems with file, line and column. */
export function ComposePreviewPanel({ preview }: { preview: ComposePreview }) {
  const taken = preview.services.flatMap((s) => s.ports.filter((p) => p.taken).map((p) => ({ service: s.name, port: p.hostPort })));
  return (
    <div className="stack-tight" data-testid="compose-preview">
      <p className="muted small">
        Project <strong className="mono">{preview.projectName}</strong> from {preview.files.map((f) => f.split(/[\\/]/).pop()).join(' + ')}
        {preview.envFile ? ' with .env' : ''} in <span className="mono">{preview.workingDir}</span>
      </p>
      {preview.problems.length > 0 && (
        <div className="error-box" role="alert" data-testid="compose-problems">
          <strong>The compose file is not valid</strong>
          <ul>
            {preview.problems.map((p, i) => (
              <li key={i} className="mono small">
                {p.file.split(/[\\/]/).pop()}
                {p.line ? `:${p.line}:${p.column}` : ''} {p.path && `(${p.path})`} — {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {taken.length > 0 && (
        <div className="error-box" role="alert" data-testid="compose-port-taken">
          <strong>A host port is already in use</strong>
          {taken.map((t) => (
            <p key={`${t.service}-${t.port}`}>
              Port {t.port} (service {t.service}) is taken on this computer. Change it in the compose file, or stop what uses it; nothing was started.
            </p>
          ))}
        </div>
      )}
      {preview.services.length > 0 && (
        <div className="table-scroll">
          <table className="res-table">
            <caption className="sr-only">Services that would start</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Image or build</th>
                <th scope="col">Ports</th>
                <th scope="col">Volumes</th>
                <th scope="col">Env (names)</th>
                <th scope="col">Depends on</th>
              </tr>
            </thead>
            <tbody>
              {preview.services.map((s) => (
                <tr key={s.name}>
                  <th scope="row" className="mono">
                    {s.name}
                  </th>
                  <td className="mono small clip">{s.image ?? (s.build ? `build ${s.build}` : '—')}</td>
                  <td className="mono small">
                    {s.ports.length === 0
                      ? '—'
                      : s.ports.map((p, i) => (
                          <span key={i} className={p.taken ? 'chip chip-danger' : 'chip'}>
                            {p.hostPort ? `${p.hostPort}→` : ''}
                            {p.containerPort}/{p.protocol}
                            {p.taken ? ' (taken)' : ''}
                          </span>
                        ))}
                  </td>
                  <td className="mono small">{s.volumes.join(', ') || '—'}</td>
                  <td className="mono small">{s.envNames.length ? s.envNames.map((n) => `${n}=•••`).join(' ') : '—'}</td>
                  <td className="mono small">{s.dependsOn.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
