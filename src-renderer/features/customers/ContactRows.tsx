import { CUSTOMER_LIMITS, type FieldIssue } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { describeIssue } from '../../i18n/describe';
import { useT } from '../../i18n/useI18n';
import type { ContactKind } from './useCustomerFormState';

interface ContactRowsProps {
  kind: ContactKind;
  rows: string[];
  errors: Record<string, FieldIssue>;
  /** `changedRow` when one row's text changed; absent when rows moved or went away. */
  onChange: (rows: string[], changedRow?: number) => void;
}

const LABELS = {
  emails: { one: 'customer.field.email', nth: 'customer.field.emailN', add: 'customer.form.addEmail' },
  phones: { one: 'customer.field.phone', nth: 'customer.field.phoneN', add: 'customer.form.addPhone' },
} as const;

/** Several emails or phones: add and remove rows; the first row is the primary one. */
export function ContactRows({ kind, rows, errors, onChange }: ContactRowsProps) {
  const t = useT();
  const labels = LABELS[kind];
  const labelOf = (index: number) => (index === 0 ? t(labels.one) : t(labels.nth, { n: String(index + 1) }));

  return (
    <div className="field-wide contact-rows">
      {rows.map((row, index) => {
        const issue = errors[`${kind}.${index}`];
        const label = labelOf(index);
        return (
          <div key={index} className="contact-row">
            <TextField
              name={`${kind}.${index}`}
              label={label}
              value={row}
              type={kind === 'emails' ? 'email' : 'tel'}
              onChange={(value) =>
                onChange(
                  rows.map((old, at) => (at === index ? value : old)),
                  index,
                )
              }
              error={issue ? describeIssue(t, issue) : undefined}
            />
            {rows.length > 1 ? (
              <div className="contact-row-actions">
                {index > 0 ? (
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('customer.form.makePrimary', { field: label })}
                    onClick={() => onChange([row, ...rows.filter((_, at) => at !== index)])}
                  >
                    {t('customer.form.makePrimaryShort')}
                  </button>
                ) : (
                  <span className="muted contact-primary">{t('customer.primary')}</span>
                )}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('customer.form.remove', { field: label })}
                  title={t('customer.form.remove', { field: label })}
                  onClick={() => onChange(rows.filter((_, at) => at !== index))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </div>
            ) : null}
          </div>
        );
      })}
      {rows.length < CUSTOMER_LIMITS.contacts ? (
        <button type="button" className="button button-small" onClick={() => onChange([...rows, ''])}>
          {t(labels.add)}
        </button>
      ) : null}
    </div>
  );
}
