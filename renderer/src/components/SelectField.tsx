import { useId } from 'react';
import './kit.css';

export interface Choice<V extends string> {
  value: V;
  label: string;
}

/** The kit's labelled drop-down: one of `choices` (a plain string is its own label); `none` labels an empty first choice. */
export function SelectField<V extends string>({ label, value, choices, none, onChange, className, mono }: { label: string; value: V | ''; choices: readonly (Choice<V> | V)[]; none?: string; onChange: (value: V) => void; className?: string; mono?: boolean }) {
  const id = useId();
  const all = choices.map((c) => (typeof c === 'string' ? { value: c, label: c } : c));
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className={mono ? 'input mono' : 'input'} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {none !== undefined && <option value="">{none}</option>}
        {all.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </div>
  );
}
