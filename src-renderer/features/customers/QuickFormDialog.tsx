import type { FormEvent, ReactNode, RefObject } from 'react';
import { Dialog } from '../../components/Dialog';
import { SaveCancelActions } from '../../forms/SaveCancelActions';
import { Field } from './Field';

interface QuickFormDialogProps {
  title: string;
  onClose: () => void;
  /** The rest come from `useQuickForm`. */
  formRef: RefObject<HTMLFormElement | null>;
  submit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  /** Already translated: a problem no single field shows (the server refused, a whole-form rule). */
  formError: string | null;
  saving: boolean;
  /** The fields, laid out in the form's grid. */
  children: ReactNode;
}

/** The frame of every quick form: a dialog, the fields' grid, its form-level error, Cancel and Save. */
export function QuickFormDialog({
  title,
  onClose,
  formRef,
  submit,
  formError,
  saving,
  children,
}: QuickFormDialogProps) {
  return (
    <Dialog title={title} onClose={onClose}>
      <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="form-grid">{children}</div>
        {formError ? (
          <p className="form-error form-error-bottom" role="alert">
            {formError}
          </p>
        ) : null}
        <SaveCancelActions saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

interface QuickFieldProps {
  name: string;
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  className?: string;
}

/** A date and time picked in the owner's time zone; `step` 1 offers seconds too. */
export function DateTimeField({
  name,
  label,
  value,
  error,
  onChange,
  className,
  step,
}: QuickFieldProps & { step?: number }) {
  return (
    <Field label={label} error={error} className={className}>
      {(control) => (
        <input
          {...control}
          type="datetime-local"
          name={name}
          step={step}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

interface SelectFieldProps extends QuickFieldProps {
  choices: readonly { value: string; label: string }[];
  /** A first choice that picks nothing (its value is ''). */
  noneLabel?: string;
  /** The dialog focuses this field when it opens. */
  first?: boolean;
}

/** A choice among a few fixed values, as a native select. */
export function SelectField({
  name,
  label,
  value,
  error,
  onChange,
  choices,
  noneLabel,
  first,
}: SelectFieldProps) {
  return (
    <Field label={label} error={error}>
      {(control) => (
        <select
          {...control}
          name={name}
          data-autofocus={first || undefined}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        >
          {noneLabel !== undefined ? <option value="">{noneLabel}</option> : null}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
