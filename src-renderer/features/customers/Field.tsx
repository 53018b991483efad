import { useId, type ReactNode } from 'react';

/** What a field hands its control so the label, the error and screen readers all point at it. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FieldProps {
  label: string;
  /** Already translated; shown under the control and linked to it. */
  error?: string;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled control of any kind (select, date, number…) with its error, the same markup as TextField.
 * For text inputs use TextField; this is for the controls it does not cover.
 */
export function Field({ label, error, className, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
