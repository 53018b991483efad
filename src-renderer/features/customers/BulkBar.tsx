import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BulkAction } from '../../../src-shared/contract';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/useI18n';
import { choiceLabel } from '../settings/choiceLabel';
import { useCustomerOptions } from './useCustomerOptions';
import { useCustomerStore } from './useCustomerStore';

type Picker = 'addTag' | 'removeTag' | 'setStage';

/** Picks the one value a bulk action needs (which tag, which stage), then runs it. */
function PickDialog({
  picker,
  onPick,
  onClose,
}: {
  picker: Picker;
  onPick: (action: BulkAction) => void;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const { tags, stages } = useCustomerOptions();
  const choices =
    picker === 'setStage'
      ? [
          ...stages.map((option) => ({ value: option.key, label: choiceLabel(t, 'stage', option) })),
          { value: '', label: t('customer.noStage') },
        ]
      : tags.map((tag) => ({ value: String(tag.id), label: tag.name }));
  const [value, setValue] = useState(choices[0]?.value ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (picker === 'setStage') onPick({ type: 'setStage', stage: value || null });
    else if (value) onPick({ type: picker, tagId: Number(value) });
    onClose();
  };

  return (
    <Dialog title={t(`customerList.bulk.${picker}`)} onClose={onClose}>
      {choices.length === 0 ? (
        <p className="muted">{t('customer.form.noTags')}</p>
      ) : (
        <form className="form" noValidate onSubmit={submit}>
          <div className="field">
            <label htmlFor={id}>
              {t(picker === 'setStage' ? 'customer.field.stage' : 'customerList.bulk.tag')}
            </label>
            <select id={id} data-autofocus value={value} onChange={(event) => setValue(event.target.value)}>
              {choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary">
              {t('customerList.bulk.apply')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** The actions for the selected customers; every one of them can be undone from its toast. */
export function BulkBar() {
  const t = useT();
  const { count, allMatching, total, bulk, clearSelection } = useCustomerStore(
    useShallow((s) => ({
      count: s.selectedIds.size,
      allMatching: s.allMatching,
      total: s.total,
      bulk: s.bulk,
      clearSelection: s.clearSelection,
    })),
  );
  const [picker, setPicker] = useState<Picker | null>(null);
  if (!allMatching && count === 0) return null;

  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('customerList.bulk.label')}>
      <span className="bulk-count" aria-live="polite">
        {allMatching
          ? t('customerList.bulk.allSelected', { count: total })
          : t('customerList.bulk.selected', { count })}
      </span>
      {(['addTag', 'removeTag', 'setStage'] as const).map((action) => (
        <button key={action} type="button" className="button button-small" onClick={() => setPicker(action)}>
          {t(`customerList.bulk.${action}`)}
        </button>
      ))}
      <button
        type="button"
        className="button button-small button-danger-quiet"
        onClick={() => void bulk({ type: 'trash' })}
      >
        {t('customerList.bulk.trash')}
      </button>
      <button type="button" className="button button-small bulk-clear" onClick={clearSelection}>
        {t('customerList.bulk.clear')}
      </button>
      {picker ? (
        <PickDialog picker={picker} onPick={(action) => void bulk(action)} onClose={() => setPicker(null)} />
      ) : null}
    </div>
  );
}
