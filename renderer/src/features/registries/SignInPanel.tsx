import { useCallback, useEffect, useId, useState } from 'react';
import { api } from '../../bridge';
import { ErrorBox } from '../../components/ErrorBox';
import { useStore } from '../../store';
import type { ApiError } from '../../../../shared/errors';
import type { RegistryAccount } from '../../../../shared/api/registry';

/** Registry sign-ins: checked with the engine before they are kept; the password never comes back to this page. */
export function SignInPanel({ onAccounts }: { onAccounts?: (accounts: RegistryAccount[]) => void }) {
  const id = useId();
  const toast = useStore((s) => s.toast);
  const [accounts, setAccounts] = useState<RegistryAccount[]>([]);
  const [registry, setRegistry] = useState('docker.io');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [storageNotice, setStorageNotice] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('registry:storage', {}).then((r) => {
      if (live && r.ok) setStorageNotice(r.data.notice);
    });
    return () => {
      live = false;
    };
  }, []);

  const load = useCallback(async () => {
    const r = await api.invoke('registry:list', {});
    if (r.ok) {
      setAccounts(r.data);
      onAccounts?.(r.data);
    }
  }, [onAccounts]);
  useEffect(() => {
    let live = true;
    void api.invoke('registry:list', {}).then((r) => {
      if (live && r.ok) {
        setAccounts(r.data);
        onAccounts?.(r.data);
      }
    });
    return () => {
      live = false;
    };
  }, [onAccounts]);

  const signIn = async () => {
    setBusy(true);
    setError(null);
    const r = await api.invoke('registry:sign-in', { registry: registry.trim(), username: username.trim(), secret });
    setBusy(false);
    setSecret('');
    if (!r.ok) return setError(r.error);
    toast({ tone: 'success', title: `Signed in to ${r.data.registry} as ${r.data.username}` });
    void load();
  };
  const signOut = async (a: RegistryAccount) => {
    await api.invoke('registry:sign-out', { registry: a.registry });
    void load();
  };

  return (
    <section className="panel stack-tight">
      <h2>Sign in to a registry</h2>
      {storageNotice && (
        <p className="panel panel-warning" role="alert" data-testid="registry-storage-notice">
          {storageNotice}
        </p>
      )}
      {accounts.length > 0 && (
        <ul className="search-results" data-testid="registry-accounts">
          {accounts.map((a) => (
            <li key={a.registry}>
              <span>
                <span className="mono">{a.registry}</span> <span className="muted">as {a.username}</span>
              </span>
              <button type="button" className="btn" aria-label={`Sign out of ${a.registry}`} onClick={() => void signOut(a)}>
                Sign out
              </button>
            </li>
          ))}
        </ul>
      )}
      <form id={id} className="field-pair" onSubmit={(e) => (e.preventDefault(), void signIn())}>
        <div className="field">
          <label htmlFor={`${id}-r`}>Registry</label>
          <input id={`${id}-r`} className="input mono" value={registry} onChange={(e) => setRegistry(e.target.value)} placeholder="docker.io, ghcr.io, 127.0.0.1:5000" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-u`}>User name</label>
          <input id={`${id}-u`} className="input" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-p`}>Password or token</label>
          <input id={`${id}-p`} className="input" type="password" autoComplete="current-password" value={secret} onChange={(e) => setSecret(e.target.value)} />
        </div>
        <div className="field">
          <label aria-hidden>&nbsp;</label>
          <button type="submit" className="btn btn-primary" disabled={busy || !registry.trim() || !username.trim() || !secret}>
            {busy ? 'Checking…' : 'Sign in'}
          </button>
        </div>
      </form>
      <p className="muted small">
        The engine checks the sign-in before Porthole keeps it. Passwords and tokens stay in Porthole's main process — encrypted with the OS keychain in the desktop app, in memory for this session only in the browser — and are never shown again.
      </p>
      {error && <ErrorBox error={error} />}
    </section>
  );
}
