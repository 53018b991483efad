import type { FieldIssue } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { useT, type Translate } from '../../i18n/useI18n';
import { Field } from '../customers/Field';
import { SelectField } from '../customers/QuickFormDialog';
import { useCustomerOptions } from '../customers/useCustomerOptions';
import { choiceLabel } from '../settings/choiceLabel';
import type { DealFormField, DealFormValues } from './dealForm';

/** A message more precise than the issue code's generic one, for the fields where one helps. */
export function describeDealIssue(t: Translate, field: DealFormField, issue: FieldIssue): string | undefined {
  if (field === 'value') {
    if (issue.code === 'too_small') return t('pipeline.form.valueNegative');
    if (issue.code === 'invalid') return t('pipeline.form.valueInvalid');
  }
  if (field === 'probability' && issue.code !== 'required') return t('pipeline.form.probabilityInvalid');
  if (field === 'currency' && issue.code === 'invalid') return t('pipeline.form.currencyInvalid');
  return undefined;
}

interface DealFieldsProps {
  values: DealFormValues;
  errors: Partial<Record<DealFormField, string>>;
  change: (field: DealFormField, value: string) => void;
  /** The probability a blank box means: the stage's default. */
  stageProbability: number | null;
  /** The quick form shows only what a deal needs to exist. */
  compact?: boolean;
}

/** The deal's own fields, shared by the new-deal form and the deal dialog. */
export function DealFields({ values, errors, change, stageProbability, compact }: DealFieldsProps) {
  const t = useT();
  const { sources } = useCustomerOptions();
  const text = (name: DealFormField, label: string, extra: { wide?: boolean; multiline?: boolean } = {}) => (
    <TextField
      name={name}
      label={label}
      value={values[name]}
      onChange={(value) => change(name, value)}
      error={errors[name]}
      className={extra.wide ? 'field-wide' : undefined}
      multiline={extra.multiline}
      required={name === 'title' || name === 'value'}
      requiredMark={t('customers.form.requiredMark')}
    />
  );
  const date = (name: 'expectedClose' | 'nextStepDate', label: string) => (
    <Field label={label} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          type="date"
          name={name}
          value={values[name]}
          onChange={(event) => change(name, event.target.value)}
        />
      )}
    </Field>
  );
  return (
    <>
      {text('title', t('pipeline.form.title'), { wide: true })}
      {text('value', t('pipeline.form.value'))}
      {text('currency', t('pipeline.form.currency'))}
      {date('expectedClose', t('pipeline.form.expectedClose'))}
      {compact ? null : (
        <>
          <div>
            {text('probability', t('pipeline.form.probability'))}
            {stageProbability !== null ? (
              <p className="hint">{t('pipeline.form.probabilityHint', { percent: stageProbability })}</p>
            ) : null}
          </div>
          <SelectField
            name="source"
            label={t('pipeline.form.source')}
            value={values.source}
            error={errors.source}
            noneLabel={t('customer.form.notSet')}
            onChange={(value) => change('source', value)}
            choices={withStored(
              sources.map((source) => ({ value: source.key, label: choiceLabel(t, 'source', source) })),
              values.source,
            )}
          />
          {text('nextStep', t('pipeline.form.nextStep'))}
          {date('nextStepDate', t('pipeline.form.nextStepDate'))}
          {text('notes', t('pipeline.form.notes'), { wide: true, multiline: true })}
        </>
      )}
    </>
  );
}

/** A source the owner has since removed from Settings stays selectable on the deal that has it. */
function withStored(choices: { value: string; label: string }[], stored: string) {
  return stored && !choices.some((choice) => choice.value === stored)
    ? [...choices, { value: stored, label: stored }]
    : choices;
}
