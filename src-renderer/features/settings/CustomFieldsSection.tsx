import { useEffect, useId, useState } from 'react';
import {
  contract,
  CUSTOM_FIELD_TYPES,
  type CustomFieldDefinition,
  type CustomFieldType,
} from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { describeIssue } from '../../i18n/describe';
import { useT } from '../../i18n/useI18n';
import { useCustomFieldsStore } from './useCustomFieldsStore';
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
    <form
      className="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
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
      <div className="inline-form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function FieldRow({ field }: { field: CustomFieldDefinition }) {
  const t = useT();
  const update = useCustomFieldsStore((s) => s.update);
  const remove = useCustomFieldsStore((s) => s.remove);
  const [editing, setEditing] = useState(false);

  if (editing) {
    return (
      <li className="organize-row organize-row-editing">
        <FieldEditor
          field={field}
          submitLabel={t('common.save')}
          save={({ label, options }) =>
            update(field.id, field.type === 'select' ? { label, options } : { label })
          }
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li className="organize-row">
      <span className="organize-name">{field.label}</span>
      <span className="muted">{t(`settings.fields.type.${field.type}`)}</span>
      {field.options.length > 0 ? <span className="organize-detail">{field.options.join(' · ')}</span> : null}
      <span className="organize-actions">
        <button
          type="button"
          className="button button-small"
          aria-label={t('settings.fields.editAria', { name: field.label })}
          onClick={() => setEditing(true)}
        >
          {t('common.edit')}
        </button>
        <button
          type="button"
          className="button button-small button-danger-quiet"
          aria-label={t('settings.fields.deleteAria', { name: field.label })}
          onClick={() => void remove(field)}
        >
          {t('common.delete')}
        </button>
      </span>
    </li>
  );
}

/** Definitions of the owner's own customer fields: create, rename, edit choices, delete with Undo. */
export function CustomFieldsSection() {
  const t = useT();
  const fields = useCustomFieldsStore((s) => s.items);
  const loaded = useCustomFieldsStore((s) => s.loaded);
  const load = useCustomFieldsStore((s) => s.load);
  const create = useCustomFieldsStore((s) => s.create);
  const [created, setCreated] = useState(0);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" aria-labelledby="settings-fields">
      <h2 id="settings-fields">{t('settings.fields.title')}</h2>
      <p className="hint">{t('settings.fields.hint')}</p>
      {loaded && fields.length === 0 ? <p className="muted">{t('settings.fields.empty')}</p> : null}
      <ul className="organize-list" aria-label={t('settings.fields.listLabel')}>
        {fields.map((field) => (
          <FieldRow key={field.id} field={field} />
        ))}
      </ul>
      <FieldEditor
        key={created}
        submitLabel={t('settings.fields.add')}
        save={create}
        onSaved={() => setCreated(created + 1)}
      />
    </section>
  );
}
