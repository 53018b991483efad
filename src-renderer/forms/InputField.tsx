import type { InputHTMLAttributes } from 'react';
import { Field } from '../features/customers/Field';

interface InputFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Already translated; shown under the input and linked to it. */
  error?: string;
  type: 'date' | 'time' | 'datetime-local' | 'text';
  /** Numbers typed as text get the phone's digit keyboard. */
  numeric?: boolean;
  autoFocus?: boolean;
  step?: InputHTMLAttributes<HTMLInputElement>['step'];
}

/** A labelled date, time or short text input with its error: the controls TextField does not cover. */
export function InputField({
  name,
  label,
  value,
  onChange,
  error,
  type,
  numeric,
  autoFocus,
  step,
}: InputFieldProps) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <input
          {...control}
          type={type}
          name={name}
          inputMode={numeric ? 'numeric' : undefined}
          autoComplete="off"
          data-autofocus={autoFocus || undefined}
          step={step}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
