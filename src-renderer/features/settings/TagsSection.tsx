import { useId, useState } from 'react';
import { contract } from '../../../src-shared/contract';
import { useAppStores } from '../../app/storesContext';
import { TextField } from '../../forms/TextField';
import { describeIssue } from '../../i18n/describe';
import { useT, type Translate } from '../../i18n/useI18n';
import { InlineForm, OrganizeSection } from './OrganizeList';
import { checkLocally, useFormErrors, type DescribeIssue } from './useFormErrors';
import { useTagsStore } from './useTagsStore';

const TAG_FIELDS = ['name', 'color'] as const;
type TagField = (typeof TAG_FIELDS)[number];
/** New tags take the next of these, so a row of fresh tags is not all one color. */
const PALETTE = ['#2f6fde', '#12b76a', '#f79009', '#d92d20', '#7a5af8', '#0ba5ec', '#ee46bc', '#667085'];

interface TagEditorProps {
  initial: { name: string; color: string };
  submitLabel: string;
  save: (values: { name: string; color: string }) => Promise<unknown>;
  /** After a successful save; the create form clears itself, the rename form closes. */
  onSaved: () => void;
  onCancel?: () => void;
}

/** Name + color, used to create a tag and to rename one. A name in use shows at the field. */
function TagEditor({ initial, submitLabel, save, onSaved, onCancel }: TagEditorProps) {
  const t = useT();
  const colorId = useId();
  const [values, setValues] = useState(initial);
  const describe: DescribeIssue<TagField> = (_field, issue, code) =>
    code === 'CONFLICT' ? t('settings.tags.nameTaken') : describeIssue(t, issue);
  const form = useFormErrors(TAG_FIELDS, describe);

  const submit = async () => {
    const issues = checkLocally(contract['tags.create'].input, values);
    if (await form.submit(issues, () => save(values))) onSaved();
  };

  return (
    <InlineForm onSubmit={submit} submitLabel={submitLabel} busy={form.busy} onCancel={onCancel}>
      <TextField
        name="name"
        label={t('settings.tags.name')}
        value={values.name}
        maxLength={40}
        error={form.errors.name}
        autoFocus={Boolean(onCancel)}
        onChange={(name) => {
          setValues({ ...values, name });
          form.clear('name');
        }}
      />
      <div className="field field-color">
        <label htmlFor={colorId}>{t('settings.tags.color')}</label>
        <input
          id={colorId}
          type="color"
          value={values.color}
          onChange={(event) => setValues({ ...values, color: event.target.value })}
        />
      </div>
    </InlineForm>
  );
}

const countText = (t: Translate, count: number) =>
  count === 1 ? t('settings.tags.countOne') : t('settings.tags.count', { count });

/** The owner's tags: color, name and how many customers carry each; create, rename, delete with Undo. */
export function TagsSection() {
  const t = useT();
  const store = useAppStores().tags;
  const count = useTagsStore((s) => s.items.length);
  const update = useTagsStore((s) => s.update);
  const create = useTagsStore((s) => s.create);

  return (
    <OrganizeSection
      kind="tags"
      store={store}
      nameOf={(tag) => tag.name}
      // Set through the CSSOM by React, which the style-src 'self' policy allows.
      leadOf={(tag) => <span className="swatch" style={{ background: tag.color }} aria-hidden="true" />}
      detailsOf={(tag) => <span className="muted">{countText(t, tag.customerCount)}</span>}
      editor={(tag, close) => (
        <TagEditor
          initial={{ name: tag.name, color: tag.color }}
          submitLabel={t('common.save')}
          save={(values) => update(tag.id, values)}
          onSaved={close}
          onCancel={close}
        />
      )}
      // Each new form moves on to the next color.
      createForm={(created, onCreated) => (
        <TagEditor
          key={created}
          initial={{ name: '', color: PALETTE[(count + created) % PALETTE.length] ?? '#2f6fde' }}
          submitLabel={t('settings.tags.add')}
          save={create}
          onSaved={onCreated}
        />
      )}
    />
  );
}
