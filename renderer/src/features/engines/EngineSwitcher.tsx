import { useEffect, useId, useRef } from 'react';
import type { EngineEntry } from '../../../../shared/api/engines';
import { AddEngine } from './AddEngine';
import { useEngines } from './use-engines';
import './engine-switcher.css';

const statusText = (e: EngineEntry) =>
  e.status.state === 'connected' ? `connected, Engine ${e.status.version}` : e.status.state === 'unreachable' ? `unreachable: ${e.status.reason}` : 'status unknown';

/** The sidebar's engine switcher: the current engine's name always visible, the others one click away. */
export function EngineSwitcher() {
  const { list, busy, error, switchTo, trustHostKey, setStartWith, createContext } = useEngines();
  const headingId = useId();
  const summaryRef = useRef<HTMLElement>(null);
  const current = list?.engines.find((e) => e.current);
  const name = current?.name ?? '…';

  useEffect(() => {
    if (current) document.title = `Porthole — ${current.name}`;
  }, [current]);

  return (
    <details
      className="engine-switcher"
      data-testid="engine-switcher"
      onKeyDown={(ev) => {
        if (ev.key !== 'Escape') return;
        ev.currentTarget.open = false;
        ev.currentTarget.querySelector('summary')?.focus();
      }}
    >
      <summary ref={summaryRef} title={`Engine: ${name} (${current?.endpoint ?? ''})`} aria-label={`Engine: ${name}. Switch engine`}>
        <span className="es-icon" aria-hidden>
          ⇄
        </span>
        <span className="es-name" data-testid="current-engine">
          {name}
        </span>
      </summary>
      <div className="es-panel" role="group" aria-labelledby={headingId}>
        <h2 id={headingId} className="es-heading">
          Engines
        </h2>
        <ul className="es-list">
          {list?.engines.map((e) => (
            <li key={e.id} className={e.current ? 'es-item current' : 'es-item'}>
              <button type="button" disabled={busy || e.current} aria-pressed={e.current} data-engine-id={e.id} onClick={() => void switchTo(e.id).then(() => summaryRef.current?.focus())}>
                <span className={`dot es-${e.status.state}`} aria-hidden />
                <span className="es-item-name">{e.name}</span>
                {e.cliCurrent && <span className="es-tag">CLI</span>}
              </button>
              <div className="es-detail">
                <code>{e.endpoint}</code> — {statusText(e)}
              </div>
              {e.tlsVerifyOff && (
                <div className="es-warning" role="note">
                  ⚠ TLS certificate checks are turned off for this engine.
                </div>
              )}
              {e.hostKey && list.addEngines?.allowed !== false && (
                <div className="es-hostkey">
                  Unknown SSH host key for {e.hostKey.host}:{e.hostKey.port}: {e.hostKey.keyType} <code>{e.hostKey.fingerprint}</code>
                  <button type="button" disabled={busy} onClick={() => void trustHostKey(e.id, e.hostKey!.fingerprint)}>
                    Trust this key
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
        {list && (
          <label className="es-start">
            Start with
            <select value={list.startWith ?? ''} disabled={busy} onChange={(ev) => void setStartWith(ev.target.value || null)}>
              <option value="">Like the docker CLI</option>
              {list.engines.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <AddEngine verdict={list?.addEngines} busy={busy} onAdd={createContext} />
        {busy && <p role="status">Working…</p>}
        {error && (
          <p className="es-error" role="alert">
            {error.message}
          </p>
        )}
      </div>
    </details>
  );
}
