import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MERGE_FIELDS, type Customer, type MergeField } from '../../../src-shared/contract';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../i18n/describe';
import { useT, type MessageKey, type Translate } from '../../i18n/useI18n';
import { choiceName } from '../customers/choiceName';
import { useCustomerOptions, type CustomerOptions } from '../customers/useCustomerOptions';
import { useDuplicatesStore } from './useDuplicatesStore';

type Side = 'kept' | 'other';

/** A field as the owner reads it: source and stage by their names, consent in words. */
function shownValue(
  t: Translate,
  options: CustomerOptions,
  field: MergeField,
  customer: Customer,
): string | null {
  const value = customer[field];
  if (value === null || value === '') return null;
  if (field === 'source' || field === 'stage') {
    return choiceName(t, field, field === 'source' ? options.sources : options.stages, value);
  }
  if (field === 'consent') return t(`customer.consent.${customer.consent}`);
  return value;
}

function ValueList({ values }: { values: string[] }) {
  const t = useT();
  if (values.length === 0) return <span className="muted">{t('table.emptyCell')}</span>;
  return (
    <ul className="merge-values">
      {values.map((value) => (
        <li key={value}>{value}</li>
      ))}
    </ul>
  );
}

/** One field: the same value once, or a radio per record where they differ. */
function FieldRow(props: {
  /** Unique per row: a built-in field name or `custom.<id>`. */
  name: string;
  label: string;
  kept: string | null;
  other: string | null;
  differs: boolean;
  choice: Side;
  onChoose: (side: Side) => void;
}) {
  const t = useT();
  const { label } = props;
  const cell = (side: Side) => {
    const value = props[side];
    const text = value ?? t('table.emptyCell');
    if (!props.differs) return <td>{text}</td>;
    return (
      <td>
        <label className="merge-choice">
          <input
            type="radio"
            name={`merge-${props.name}`}
            checked={props.choice === side}
            onChange={() => props.onChoose(side)}
            aria-label={t('duplicates.dialog.pick', {
              field: label,
              value: value ?? t('duplicates.dialog.empty'),
            })}
          />
          <span>{text}</span>
        </label>
      </td>
    );
  };
  return (
    <tr className={props.differs ? 'merge-differs' : undefined}>
      <th scope="row">{label}</th>
      {cell('kept')}
      {cell('other')}
    </tr>
  );
}

function MergeTable({ kept, other }: { kept: Customer; other: Customer }) {
  const t = useT();
  const options = useCustomerOptions();
  const { merging, confirmMerge, closeMerge } = useDuplicatesStore(
    useShallow((s) => ({
      merging: s.draft?.merging ?? false,
      confirmMerge: s.confirmMerge,
      closeMerge: s.closeMerge,
    })),
  );
  // Every differing field starts on the kept (older) record; the owner flips the ones to take.
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const rows = [
    ...MERGE_FIELDS.map((field) => ({
      name: field as string,
      label: t(`customer.field.${field}` as MessageKey),
      kept: shownValue(t, options, field, kept),
      other: shownValue(t, options, field, other),
      differs: kept[field] !== other[field],
    })),
    // Custom fields too: a value only one record has is kept anyway; differing ones are the owner's pick.
    ...options.customFields.map((definition) => {
      const key = String(definition.id);
      const [keptValue, otherValue] = [kept.custom[key], other.custom[key]];
      return {
        name: `custom.${key}`,
        label: definition.label,
        kept: keptValue === undefined ? null : String(keptValue),
        other: otherValue === undefined ? null : String(otherValue),
        differs: keptValue !== undefined && otherValue !== undefined && keptValue !== otherValue,
      };
    }),
  ].filter((row) => row.kept !== null || row.other !== null);
  const picked = rows.filter((row) => row.differs && choices[row.name] === 'other').map((row) => row.name);

  return (
    <form
      className="merge-form"
      onSubmit={(event) => {
        event.preventDefault();
        void confirmMerge(
          picked.filter((name): name is MergeField => !name.startsWith('custom.')),
          picked.filter((name) => name.startsWith('custom.')).map((name) => name.slice('custom.'.length)),
        );
      }}
    >
      <p className="muted">{t('duplicates.dialog.hint')}</p>
      <table className="merge-table">
        <thead>
          <tr>
            <th scope="col">{t('duplicates.dialog.field')}</th>
            <th scope="col">{t('duplicates.dialog.kept', { name: kept.name })}</th>
            <th scope="col">{t('duplicates.dialog.other', { name: other.name })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <FieldRow
              key={row.name}
              name={row.name}
              label={row.label}
              kept={row.kept}
              other={row.other}
              differs={row.differs}
              choice={choices[row.name] ?? 'kept'}
              onChoose={(side) => setChoices((current) => ({ ...current, [row.name]: side }))}
            />
          ))}
          <tr>
            <th scope="row">{t('duplicates.dialog.emails')}</th>
            <td>
              <ValueList values={kept.emails} />
            </td>
            <td>
              <ValueList values={other.emails} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('duplicates.dialog.phones')}</th>
            <td>
              <ValueList values={kept.phones.map((phone) => phone.value)} />
            </td>
            <td>
              <ValueList values={other.phones.map((phone) => phone.value)} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('duplicates.dialog.tags')}</th>
            <td>
              <ValueList values={kept.tags.map((tag) => tag.name)} />
            </td>
            <td>
              <ValueList values={other.tags.map((tag) => tag.name)} />
            </td>
          </tr>
        </tbody>
      </table>
      <p>{t('duplicates.dialog.moves', { kept: kept.name, other: other.name })}</p>
      {other.stats.orderCount > 0 ? (
        <p className="muted">{t('duplicates.dialog.orders', { count: other.stats.orderCount })}</p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={closeMerge}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={merging} data-autofocus>
          {merging ? t('duplicates.dialog.merging') : t('duplicates.dialog.confirm')}
        </button>
      </div>
    </form>
  );
}

/** Both records of a pair field by field; confirming merges the newer one into the older one. */
export function MergeDialog() {
  const t = useT();
  const { draft, closeMerge } = useDuplicatesStore(
    useShallow((s) => ({ draft: s.draft, closeMerge: s.closeMerge })),
  );
  if (!draft) return null;
  return (
    <Dialog title={t('duplicates.dialog.title')} onClose={closeMerge}>
      {draft.error ? (
        <p className="form-error" role="alert">
          {describeError(t, draft.error.code)}
        </p>
      ) : null}
      {draft.kept && draft.other ? (
        <MergeTable kept={draft.kept} other={draft.other} />
      ) : draft.error ? null : (
        <p aria-busy="true">{t('duplicates.dialog.loading')}</p>
      )}
    </Dialog>
  );
}
