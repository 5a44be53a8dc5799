import { useId, useState, type FormEvent } from 'react';
import type { AddEnginesVerdict } from '../../../../shared/api/engines';

export interface NewContext {
  name: string;
  host: string;
  tls?: { ca?: string; cert?: string; key?: string };
}

interface Props {
  verdict: AddEnginesVerdict | undefined;
  busy: boolean;
  onAdd: (input: NewContext) => Promise<boolean>;
}

/**
 * Adds a docker CLI context. A browser host reached from another machine (or bound off loopback)
 * refuses it, and the switcher says so instead of offering a form that would fail.
 */
export function AddEngine({ verdict, busy, onAdd }: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [host, setHost] = useState('');
  const [tls, setTls] = useState({ ca: '', cert: '', key: '' });
  const formId = useId();

  if (!verdict) return null;
  if (!verdict.allowed) {
    return (
      <p className="es-note" role="note" data-testid="add-engine-refused">
        {verdict.reason}
      </p>
    );
  }
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const paths = Object.fromEntries(Object.entries(tls).filter(([, v]) => v.trim() !== ''));
    const added = await onAdd({ name: name.trim(), host: host.trim(), ...(Object.keys(paths).length ? { tls: paths } : {}) });
    if (added) {
      setOpen(false);
      setName('');
      setHost('');
      setTls({ ca: '', cert: '', key: '' });
    }
  };
  return (
    <div className="es-add">
      <button type="button" className="es-add-toggle" aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
        Add an engine (docker context)…
      </button>
      {open && (
        <form id={formId} className="es-add-form" onSubmit={(ev) => void submit(ev)}>
          <label>
            Name
            <input required value={name} onChange={(e) => setName(e.target.value)} placeholder="build-server" autoComplete="off" />
          </label>
          <label>
            Address
            <input required value={host} onChange={(e) => setHost(e.target.value)} placeholder="ssh://user@host or tcp://host:2376" autoComplete="off" />
          </label>
          {host.startsWith('tcp://') &&
            (['ca', 'cert', 'key'] as const).map((k) => (
              <label key={k}>
                TLS {k} file (read where it is, never copied into Porthole's folder)
                <input value={tls[k]} onChange={(e) => setTls({ ...tls, [k]: e.target.value })} placeholder={`/path/to/${k}.pem`} autoComplete="off" />
              </label>
            ))}
          <button type="submit" disabled={busy}>
            Add
          </button>
        </form>
      )}
    </div>
  );
}
