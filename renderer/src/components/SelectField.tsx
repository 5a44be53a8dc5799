import { useId } from 'react';
import './kit.css';

export interface Choice<V extends string> {
  value: V;
  label: string;
}

/** The kit's labelled drop-down: label above, one of `choices`. */
export function SelectField<V extends string>({ label, value, choices, onChange, className }: { label: string; value: V; choices: readonly Choice<V>[]; onChange: (value: V) => void; className?: string }) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value as V)}>
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </div>
  );
}
