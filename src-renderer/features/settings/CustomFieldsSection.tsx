import { useId, useState } from 'react';
import {
  contract,
  CUSTOM_FIELD_TYPES,
  type CustomFieldDefinition,
  type CustomFieldType,
} from '../../../src-shared/contract';
import { useAppStores } from '../../app/storesContext';
import { TextField } from '../../forms/TextField';
import { describeIssue } from '../../i18n/describe';
import { useT } from '../../i18n/useI18n';
import { useCustomFieldsStore } from './useCustomFieldsStore';
import { InlineForm, OrganizeSection } from './OrganizeList';
import { checkLocally, useFormErrors, type DescribeIssue } from './useFormErrors';

const FIELD_FIELDS = ['label', 'type', 'options'] as const;
type FieldField = (typeof FIELD_FIELDS)[number];

/** One choice per line; blank lines are ignored. */
const parseOptions = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

interface FieldEditorProps {
  /** Absent when creating: then the type can still be chosen. */
  field?: CustomFieldDefinition;
  submitLabel: string;
  save: (values: { label: string; type: CustomFieldType; options: string[] }) => Promise<unknown>;
  onSaved: () => void;
  onCancel?: () => void;
}

function FieldEditor({ field, submitLabel, save, onSaved, onCancel }: FieldEditorProps) {
  const t = useT();
  const typeId = useId();
  const [label, setLabel] = useState(field?.label ?? '');
  const [type, setType] = useState<CustomFieldType>(field?.type ?? 'text');
  const [optionsText, setOptionsText] = useState(field?.options.join('\n') ?? '');
  const describe: DescribeIssue<FieldField> = (name, issue) => {
    if (name !== 'options') return describeIssue(t, issue);
    return issue.path === 'options'
      ? t('settings.fields.optionsRequired')
      : t('settings.fields.optionsTwice');
  };
  const form = useFormErrors(FIELD_FIELDS, describe);

  const submit = async () => {
    const values = { label, type, options: type === 'select' ? parseOptions(optionsText) : [] };
    const issues = checkLocally(contract['customFields.create'].input, values);
    if (await form.submit(issues, () => save(values))) onSaved();
  };

  return (
    <InlineForm onSubmit={submit} submitLabel={submitLabel} busy={form.busy} onCancel={onCancel}>
      <TextField
        name="label"
        label={t('settings.fields.label')}
        value={label}
        maxLength={60}
        error={form.errors.label}
        autoFocus={Boolean(onCancel)}
        onChange={(value) => {
          setLabel(value);
          form.clear('label');
        }}
      />
      <div className="field">
        <label htmlFor={typeId}>{t('settings.fields.type')}</label>
        {/* The type is fixed once the field exists: values already stored would stop making sense. */}
        <select
          id={typeId}
          value={type}
          disabled={field !== undefined}
          onChange={(event) => setType(event.target.value as CustomFieldType)}
        >
          {CUSTOM_FIELD_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`settings.fields.type.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {type === 'select' ? (
        <TextField
          name="options"
          label={t('settings.fields.options')}
          value={optionsText}
          multiline
          error={form.errors.options}
          className="field-wide"
          onChange={(value) => {
            setOptionsText(value);
            form.clear('options');
          }}
        />
      ) : null}
    </InlineForm>
  );
}

/** Definitions of the owner's own customer fields: create, rename, edit choices, delete with Undo. */
export function CustomFieldsSection() {
  const t = useT();
  const store = useAppStores().customFields;
  const update = useCustomFieldsStore((s) => s.update);
  const create = useCustomFieldsStore((s) => s.create);

  return (
    <OrganizeSection
      kind="fields"
      store={store}
      nameOf={(field) => field.label}
      detailsOf={(field) => (
        <>
          <span className="muted">{t(`settings.fields.type.${field.type}`)}</span>
          {field.options.length > 0 ? (
            <span className="organize-detail">{field.options.join(' · ')}</span>
          ) : null}
        </>
      )}
      editor={(field, close) => (
        <FieldEditor
          field={field}
          submitLabel={t('common.save')}
          save={({ label, options }) =>
            update(field.id, field.type === 'select' ? { label, options } : { label })
          }
          onSaved={close}
          onCancel={close}
        />
      )}
      createForm={(created, onCreated) => (
        <FieldEditor key={created} submitLabel={t('settings.fields.add')} save={create} onSaved={onCreated} />
      )}
    />
  );
}
