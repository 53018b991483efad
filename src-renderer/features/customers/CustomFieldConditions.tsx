import { useId, useState } from 'react';
import type { CustomFieldDefinition } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { customCondition, opsFor, opTakesValue, type CustomCondition } from './filterDraft';

interface Props {
  fields: CustomFieldDefinition[];
  conditions: CustomCondition[];
  onChange: (conditions: CustomCondition[]) => void;
}

/** The custom-field part of the filter form: the conditions so far, and a row to add one more. */
export function CustomFieldConditions({ fields, conditions, onChange }: Props) {
  const t = useT();
  const id = useId();
  const [fieldId, setFieldId] = useState<number | null>(fields[0]?.id ?? null);
  const field = fields.find((candidate) => candidate.id === fieldId) ?? fields[0];
  const [op, setOp] = useState<CustomCondition['op'] | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (!field) return <p className="muted">{t('customerList.filter.noCustomFields')}</p>;
  const ops = opsFor(field.type);
  const currentOp = op && ops.includes(op) ? op : (ops[0] ?? 'eq');

  const add = () => {
    const result = customCondition(field, currentOp, value);
    if (!result.condition) {
      setError(t(result.error));
      return;
    }
    onChange([...conditions, result.condition]);
    setValue('');
    setError(null);
  };

  const describe = (condition: CustomCondition) => {
    const label = fields.find((candidate) => candidate.id === condition.fieldId)?.label ?? '?';
    return t(`customerList.filter.op.${condition.op}`, {
      field: label,
      value: String(condition.value ?? ''),
    });
  };

  return (
    <div className="custom-conditions">
      {conditions.length ? (
        <ul className="custom-condition-list">
          {conditions.map((condition, index) => (
            <li key={`${condition.fieldId}-${index}`}>
              <span>{describe(condition)}</span>
              <button
                type="button"
                className="button button-small"
                aria-label={t('customerList.filter.removeCondition', { condition: describe(condition) })}
                onClick={() => onChange(conditions.filter((_, other) => other !== index))}
              >
                {t('customerList.filter.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="custom-condition-builder">
        <label htmlFor={`${id}-field`} className="visually-hidden">
          {t('customerList.filter.customField')}
        </label>
        <select
          id={`${id}-field`}
          value={field.id}
          onChange={(event) => {
            setFieldId(Number(event.target.value));
            setValue('');
            setError(null);
          }}
        >
          {fields.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-op`} className="visually-hidden">
          {t('customerList.filter.customOp')}
        </label>
        <select
          id={`${id}-op`}
          value={currentOp}
          onChange={(event) => setOp(event.target.value as CustomCondition['op'])}
        >
          {ops.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`customerList.filter.opName.${candidate}`)}
            </option>
          ))}
        </select>
        {opTakesValue(currentOp) ? (
          <>
            <label htmlFor={`${id}-value`} className="visually-hidden">
              {t('customerList.filter.customValue')}
            </label>
            {field.type === 'select' ? (
              <select id={`${id}-value`} value={value} onChange={(event) => setValue(event.target.value)}>
                <option value="">{t('customerList.filter.pick')}</option>
                {field.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`${id}-value`}
                type={field.type === 'date' ? 'date' : 'text'}
                inputMode={field.type === 'number' ? 'decimal' : undefined}
                value={value}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(event) => setValue(event.target.value)}
              />
            )}
          </>
        ) : null}
        <button type="button" className="button button-small" onClick={add}>
          {t('customerList.filter.addCondition')}
        </button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
