import { TextField } from '../../forms/TextField';
import { useT, type MessageKey } from '../../i18n/useI18n';

interface SettingFieldProps<F extends string> {
  /** The setting's key: the input's name, and the field useFormErrors places its error on. */
  name: F;
  label: MessageKey;
  hint: MessageKey;
  value: string;
  onChange: (value: string) => void;
  /** The card's useFormErrors: the field shows its error and drops it as soon as the owner types. */
  form: { errors: Partial<Record<F, string>>; clear: (field: F) => void };
  maxLength?: number;
  /** Across both columns of a .form-grid. */
  wide?: boolean;
}

/**
 * One setting typed as text (a number of days, a percentage, a currency code), its hint under it.
 * Plain text, not type="number": what was typed stays as typed, and the contract's schema names
 * what is wrong with it ("" or "abc" as well as out of range).
 */
export function SettingField<F extends string>({
  name,
  label,
  hint,
  value,
  onChange,
  form,
  maxLength,
  wide,
}: SettingFieldProps<F>) {
  const t = useT();
  return (
    <div className={wide ? 'field-wide' : undefined}>
      <TextField
        name={name}
        label={t(label)}
        value={value}
        maxLength={maxLength}
        error={form.errors[name]}
        onChange={(next) => {
          onChange(next);
          form.clear(name);
        }}
      />
      <p className="hint">{t(hint)}</p>
    </div>
  );
}

/** A typed number for the schema: "" is not zero but no number, and fails at its field like "abc". */
export const typedNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
