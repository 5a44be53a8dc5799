export interface SessionChoice {
  command: string;
  user: string;
  workdir: string;
}

/** How the next terminal starts: a command instead of the shell, the user to run as, the working directory. */
export function SessionOptionsForm({ value, onChange, problem }: { value: SessionChoice; onChange: (v: SessionChoice) => void; problem: string | null }) {
  return (
    <details className="term-options">
      <summary>Options</summary>
      <div className="term-options-body">
        <label>
          Command <span className="muted">(empty: bash, else sh)</span>
          <input value={value.command} placeholder="e.g. /bin/busybox sh" onChange={(e) => onChange({ ...value, command: e.target.value })} aria-invalid={Boolean(problem)} />
        </label>
        {problem && <p className="error-next">{problem}</p>}
        <label>
          Run as user
          <input value={value.user} placeholder="the image's user" onChange={(e) => onChange({ ...value, user: e.target.value })} />
        </label>
        <label>
          Working directory
          <input value={value.workdir} placeholder="the image's workdir" onChange={(e) => onChange({ ...value, workdir: e.target.value })} />
        </label>
        <p className="muted">These apply to the next “New terminal”.</p>
      </div>
    </details>
  );
}
