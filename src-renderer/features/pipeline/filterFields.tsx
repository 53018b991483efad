import { useT } from '../../i18n/useI18n';
import { Field } from '../customers/Field';
import { useCustomerOptions } from '../customers/useCustomerOptions';
import { choiceLabel } from '../settings/choiceLabel';

interface FilterFieldProps {
  value: string;
  onChange: (value: string) => void;
}

/** The board's and the list's source filter: any, or one of the owner's lead sources. */
export function SourceFilter({ value, onChange }: FilterFieldProps) {
  const t = useT();
  const { sources } = useCustomerOptions();
  return (
    <Field label={t('pipeline.filter.source')}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('pipeline.filter.any')}</option>
          {sources.map((source) => (
            <option key={source.key} value={source.key}>
              {choiceLabel(t, 'source', source)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Deals expected to close in one month (`YYYY-MM`), or '' for any. */
export function CloseMonthFilter({ value, onChange }: FilterFieldProps) {
  const t = useT();
  return (
    <Field label={t('pipeline.filter.closeMonth')}>
      {(control) => (
        <input
          {...control}
          type="month"
          name="closeMonth"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
