import { useEffect, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/useI18n';
import type { OrganizeListState } from './organizeListStore';

/**
 * The form of a tag or custom field editor: its fields, then Save (or Add) and, on a row being
 * edited, Cancel. `onSubmit` runs without the page reloading.
 */
export function InlineForm({
  onSubmit,
  submitLabel,
  busy,
  onCancel,
  children,
}: {
  onSubmit: () => Promise<void>;
  submitLabel: string;
  busy: boolean;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
      <div className="inline-form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
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

/** Which list: the prefix of its messages (`settings.tags.title`…) and of its heading's id. */
type ListKind = 'tags' | 'fields';

interface OrganizeRowProps {
  kind: ListKind;
  name: string;
  onDelete: () => void;
  /** The editor that replaces the row while editing; `close` ends editing. */
  editor: (close: () => void) => ReactNode;
  /** What the row shows before its name (a tag's color) and after it. */
  lead?: ReactNode;
  details: ReactNode;
}

/** One tag or custom field: its name and details with Edit and Delete, or its editor in place. */
function OrganizeRow({ kind, name, onDelete, editor, lead, details }: OrganizeRowProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);

  if (editing) {
    return <li className="organize-row organize-row-editing">{editor(() => setEditing(false))}</li>;
  }
  return (
    <li className="organize-row">
      {lead}
      <span className="organize-name">{name}</span>
      {details}
      <span className="organize-actions">
        {/* Named in the label: every row has an Edit and a Delete button. */}
        <button
          type="button"
          className="button button-small"
          aria-label={t(`settings.${kind}.editAria`, { name })}
          onClick={() => setEditing(true)}
        >
          {t('common.edit')}
        </button>
        <button
          type="button"
          className="button button-small button-danger-quiet"
          aria-label={t(`settings.${kind}.deleteAria`, { name })}
          onClick={onDelete}
        >
          {t('common.delete')}
        </button>
      </span>
    </li>
  );
}

interface OrganizeSectionProps<Item, CreateInput, Patch> {
  kind: ListKind;
  store: StoreApi<OrganizeListState<Item, CreateInput, Patch>>;
  nameOf: (item: Item) => string;
  /** Shown before an item's name. */
  leadOf?: (item: Item) => ReactNode;
  /** Shown after an item's name. */
  detailsOf: (item: Item) => ReactNode;
  /** The form that edits `item` in place of its row; `close` ends editing. */
  editor: (item: Item, close: () => void) => ReactNode;
  /**
   * The form that adds an item, under the list. `created` counts the saves: keyed on it, the form
   * remounts empty after each.
   */
  createForm: (created: number, onCreated: () => void) => ReactNode;
}

/**
 * A Settings card over one owner-defined list (tags, custom fields): heading, hint, a row per item
 * with Edit and Delete (with Undo, from the store), and a form to add one. Refetches on opening.
 */
export function OrganizeSection<Item extends { id: number }, CreateInput, Patch>({
  kind,
  store,
  nameOf,
  leadOf,
  detailsOf,
  editor,
  createForm,
}: OrganizeSectionProps<Item, CreateInput, Patch>) {
  const t = useT();
  const { items, loaded, load, remove } = useStore(
    store,
    useShallow((s) => ({ items: s.items, loaded: s.loaded, load: s.load, remove: s.remove })),
  );
  const [created, setCreated] = useState(0);

  useEffect(() => {
    void load();
  }, [load]);

  const headingId = `settings-${kind}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`settings.${kind}.title`)}</h2>
      <p className="hint">{t(`settings.${kind}.hint`)}</p>
      {loaded && items.length === 0 ? <p className="muted">{t(`settings.${kind}.empty`)}</p> : null}
      <ul className="organize-list" aria-label={t(`settings.${kind}.listLabel`)}>
        {items.map((item) => (
          <OrganizeRow
            key={item.id}
            kind={kind}
            name={nameOf(item)}
            onDelete={() => void remove(item)}
            editor={(close) => editor(item, close)}
            lead={leadOf?.(item)}
            details={detailsOf(item)}
          />
        ))}
      </ul>
      {createForm(created, () => setCreated(created + 1))}
    </section>
  );
}
