import type { CustomFieldDefinition } from '../../../src-shared/contract';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/useI18n';
import {
  BUILT_IN_COLUMNS,
  columnLabel,
  customColumnId,
  DEFAULT_COLUMNS,
  FIXED_COLUMN,
} from './customerColumns';

interface Props {
  columns: string[];
  customFields: CustomFieldDefinition[];
  onChange: (columns: string[]) => void;
  onClose: () => void;
}

/** Which columns the list shows, and in which order; the name always shows and stays first. */
export function ColumnChooser({ columns, customFields, onChange, onClose }: Props) {
  const t = useT();
  const all = [...BUILT_IN_COLUMNS, ...customFields.map(customColumnId)] as string[];
  const shown = columns.filter((id) => all.includes(id));
  // Shown columns in their order first, then the hidden ones in their natural order.
  const rows = [...shown, ...all.filter((id) => !shown.includes(id))];

  const toggle = (id: string) =>
    onChange(shown.includes(id) ? shown.filter((other) => other !== id) : [...shown, id]);
  const move = (id: string, by: -1 | 1) => {
    const from = shown.indexOf(id);
    const to = from + by;
    // The name keeps the first place.
    if (to < 1 || to >= shown.length) return;
    const next = [...shown];
    next.splice(from, 1);
    next.splice(to, 0, id);
    onChange(next);
  };

  return (
    <Dialog title={t('customerList.columns.title')} onClose={onClose}>
      <p className="hint">{t('customerList.columns.hint')}</p>
      <ul className="column-chooser">
        {rows.map((id) => {
          const label = columnLabel(t, id, customFields) ?? id;
          const position = shown.indexOf(id);
          const fixed = id === FIXED_COLUMN;
          return (
            <li key={id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={position >= 0}
                  disabled={fixed}
                  data-autofocus={position === 1 ? true : undefined}
                  onChange={() => toggle(id)}
                />
                {label}
              </label>
              {position > 0 ? (
                <span className="column-move">
                  <button
                    type="button"
                    className="button button-small"
                    disabled={position <= 1}
                    aria-label={t('customerList.columns.moveUp', { column: label })}
                    onClick={() => move(id, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={position >= shown.length - 1}
                    aria-label={t('customerList.columns.moveDown', { column: label })}
                    onClick={() => move(id, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="form-actions">
        <button type="button" className="button form-actions-start" onClick={() => onChange(DEFAULT_COLUMNS)}>
          {t('customerList.columns.reset')}
        </button>
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
