import { useId, type ReactNode } from 'react';
import './kit.css';

export interface TextFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** The line under the field; an error takes its place while there is one. */
  hint?: ReactNode;
  error?: string | null;
  /** The hint confirms the value (shown as a success). */
  confirmed?: boolean;
  placeholder?: string;
  /** A textarea of that many rows instead of one line. */
  rows?: number;
  /** Digits only (a port, a count) or a decimal number: other characters are dropped as they are typed. */
  numeric?: 'whole' | 'decimal';
  /** Names, paths and commands read better in a fixed-width font; prose does not. */
  mono?: boolean;
  autoFocus?: boolean;
  required?: boolean;
  onBlur?: () => void;
  /** Extra classes on the field (`grow`, `span-2`). */
  className?: string;
  /** A test id for the hint/error line. */
  noteTestId?: string;
  /** Beside the input, on its line (a "Choose…" button). */
  addon?: ReactNode;
}

const KEEP = { whole: /\D/g, decimal: /[^\d.]/g } as const;

/** The kit's labelled text field: label above, the input, then its hint or its error, wired for screen readers. */
export function TextField({ label, value, onChange, hint, error, confirmed, placeholder, rows, numeric, mono = true, autoFocus, required, onBlur, className, noteTestId, addon }: TextFieldProps) {
  const id = useId();
  const noteId = useId();
  const note = error || hint;
  const common = {
    id,
    className: [mono ? 'input mono' : 'input', addon ? 'grow' : ''].filter(Boolean).join(' '),
    value,
    placeholder,
    spellCheck: false,
    autoFocus,
    required,
    onBlur,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': note ? noteId : undefined,
  };
  const change = (text: string) => onChange(numeric ? text.replace(KEEP[numeric], '') : text);
  const input = rows ? (
    <textarea {...common} rows={rows} onChange={(e) => change(e.target.value)} />
  ) : (
    <input {...common} inputMode={numeric === 'whole' ? 'numeric' : numeric} onChange={(e) => change(e.target.value)} />
  );
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {addon ? (
        <div className="input-row">
          {input}
          {addon}
        </div>
      ) : (
        input
      )}
      {note && (
        <div id={noteId} className={error ? 'field-error' : confirmed ? 'field-ok' : 'field-hint'} data-testid={noteTestId}>
          {note}
        </div>
      )}
    </div>
  );
}
