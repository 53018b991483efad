import { useEffect, useId, useState } from 'react';
import { contract, type Tag } from '../../../src-shared/contract';
import { TextField } from '../../forms/TextField';
import { describeIssue } from '../../i18n/describe';
import { useT, type Translate } from '../../i18n/useI18n';
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
    <form
      className="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
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

const countText = (t: Translate, count: number) =>
  count === 1 ? t('settings.tags.countOne') : t('settings.tags.count', { count });

function TagRow({ tag }: { tag: Tag }) {
  const t = useT();
  const update = useTagsStore((s) => s.update);
  const remove = useTagsStore((s) => s.remove);
  const [editing, setEditing] = useState(false);

  if (editing) {
    return (
      <li className="organize-row organize-row-editing">
        <TagEditor
          initial={{ name: tag.name, color: tag.color }}
          submitLabel={t('common.save')}
          save={(values) => update(tag.id, values)}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li className="organize-row">
      {/* Set through the CSSOM by React, which the style-src 'self' policy allows. */}
      <span className="swatch" style={{ background: tag.color }} aria-hidden="true" />
      <span className="organize-name">{tag.name}</span>
      <span className="muted">{countText(t, tag.customerCount)}</span>
      <span className="organize-actions">
        <button
          type="button"
          className="button button-small"
          aria-label={t('settings.tags.editAria', { name: tag.name })}
          onClick={() => setEditing(true)}
        >
          {t('common.edit')}
        </button>
        <button
          type="button"
          className="button button-small button-danger-quiet"
          aria-label={t('settings.tags.deleteAria', { name: tag.name })}
          onClick={() => void remove(tag)}
        >
          {t('common.delete')}
        </button>
      </span>
    </li>
  );
}

/** The owner's tags: color, name and how many customers carry each; create, rename, delete with Undo. */
export function TagsSection() {
  const t = useT();
  const tags = useTagsStore((s) => s.items);
  const loaded = useTagsStore((s) => s.loaded);
  const load = useTagsStore((s) => s.load);
  const create = useTagsStore((s) => s.create);
  // Remounting the create form after a save empties it and moves on to the next color.
  const [created, setCreated] = useState(0);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" aria-labelledby="settings-tags">
      <h2 id="settings-tags">{t('settings.tags.title')}</h2>
      <p className="hint">{t('settings.tags.hint')}</p>
      {loaded && tags.length === 0 ? <p className="muted">{t('settings.tags.empty')}</p> : null}
      <ul className="organize-list" aria-label={t('settings.tags.listLabel')}>
        {tags.map((tag) => (
          <TagRow key={tag.id} tag={tag} />
        ))}
      </ul>
      <TagEditor
        key={created}
        initial={{ name: '', color: PALETTE[(tags.length + created) % PALETTE.length] ?? '#2f6fde' }}
        submitLabel={t('settings.tags.add')}
        save={create}
        onSaved={() => setCreated(created + 1)}
      />
    </section>
  );
}
