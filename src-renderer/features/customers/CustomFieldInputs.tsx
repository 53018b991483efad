import type { CustomFieldDefinition, FieldIssue } from '../../../src-shared/contract';
import { describeIssue } from '../../i18n/describe';
import { useT } from '../../i18n/useI18n';
import { Field } from './Field';

interface CustomFieldInputsProps {
  definitions: readonly CustomFieldDefinition[];
  values: Record<string, string>;
  errors: Record<string, FieldIssue>;
  onChange: (key: string, value: string) => void;
}

/** One input per owner-defined field, of the kind its definition names; its issues come as `custom.<id>`. */
export function CustomFieldInputs({ definitions, values, errors, onChange }: CustomFieldInputsProps) {
  const t = useT();
  return (
    <>
      {definitions.map((definition) => {
        const key = String(definition.id);
        const name = `custom.${key}`;
        const issue = errors[name];
        const value = values[key] ?? '';
        return (
          <Field key={key} label={definition.label} error={issue ? describeIssue(t, issue) : undefined}>
            {(control) =>
              definition.type === 'select' ? (
                <select
                  {...control}
                  name={name}
                  value={value}
                  onChange={(event) => onChange(key, event.target.value)}
                >
                  <option value="">{t('customer.form.notSet')}</option>
                  {/* A value that is no longer offered stays visible on the record that has it. */}
                  {(value && !definition.options.includes(value)
                    ? [...definition.options, value]
                    : definition.options
                  ).map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...control}
                  name={name}
                  type={definition.type === 'date' ? 'date' : 'text'}
                  inputMode={definition.type === 'number' ? 'decimal' : undefined}
                  autoComplete="off"
                  value={value}
                  onChange={(event) => onChange(key, event.target.value)}
                />
              )
            }
          </Field>
        );
      })}
    </>
  );
}
