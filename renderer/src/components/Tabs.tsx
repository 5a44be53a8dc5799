import { useId, type KeyboardEvent, type ReactNode } from 'react';
import './kit.css';

export interface TabChoice<K extends string> {
  id: K;
  label: string;
}

/** Left and Right arrows (Home, End) move to the neighbouring tab and show it. */
function arrowTo<K extends string>(e: KeyboardEvent<HTMLDivElement>, tabs: readonly TabChoice<K>[], value: K, onChange: (id: K) => void) {
  const at = tabs.findIndex((t) => t.id === value);
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const tab = tabs[(next + tabs.length) % tabs.length];
  onChange(tab.id);
  e.currentTarget.querySelector<HTMLElement>(`[data-tab="${tab.id}"]`)?.focus();
}

/** The kit's tab bar and the panel it shows (`children`, the selected tab's content). */
export function Tabs<K extends string>({ label, tabs, value, onChange, panelClassName, children }: { label: string; tabs: readonly TabChoice<K>[]; value: K; onChange: (id: K) => void; panelClassName?: string; children: ReactNode }) {
  const base = useId();
  return (
    <>
      <div className="tabs" role="tablist" aria-label={label} onKeyDown={(e) => arrowTo(e, tabs, value, onChange)}>
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" data-tab={t.id} id={`${base}-tab-${t.id}`} aria-selected={value === t.id} aria-controls={`${base}-panel`} className={value === t.id ? 'tab active' : 'tab'} onClick={() => onChange(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${value}`} className={panelClassName}>
        {children}
      </div>
    </>
  );
}
