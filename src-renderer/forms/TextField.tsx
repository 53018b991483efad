import { useId } from 'react';

interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Already translated; shown under the field and linked to it for screen readers. */
  error?: string;
  type?: 'text' | 'email' | 'tel';
  multiline?: boolean;
  required?: boolean;
  /** Text for the visual "required" marker, e.g. "必填". */
  requiredMark?: string;
  autoFocus?: boolean;
  maxLength?: number;
  className?: string;
}

/** A labelled text input with its error message; the value is always plain text. */
export function TextField(props: TextFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const common = {
    id,
    name: props.name,
    value: props.value,
    // Not React's autoFocus: it fires before a dialog opens, and opening moves focus again. Dialog honours this.
    'data-autofocus': props.autoFocus ? true : undefined,
    'aria-invalid': props.error ? true : undefined,
    'aria-required': props.required ? true : undefined,
    'aria-describedby': props.error ? errorId : undefined,
  };

  return (
    <div
      className={`field${props.error ? ' field-invalid' : ''}${props.className ? ` ${props.className}` : ''}`}
    >
      <label htmlFor={id}>
        {props.label}
        {props.required && props.requiredMark ? (
          <span className="required-mark"> ({props.requiredMark})</span>
        ) : null}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={4} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      {props.error ? (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
