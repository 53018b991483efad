import type { ColumnDef } from '@tanstack/react-table';
import { useEffect, useRef } from 'react';
import type { CustomerRowView as Customer } from '../../../src-shared/contract';
import type { Translate } from '../../i18n/useI18n';

/** `indeterminate` exists only as a DOM property, never as an attribute: set it after render. */
function HeaderCheckbox(props: { checked: boolean; mixed: boolean; label: string; onChange: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = props.mixed;
  }, [props.mixed]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-check"
      checked={props.checked}
      aria-label={props.label}
      onChange={props.onChange}
    />
  );
}

export interface SelectionView {
  ids: ReadonlySet<number>;
  /** Every customer the filters match, loaded or not: bulk actions then target the filters. */
  allMatching: boolean;
  total: number;
}

interface SelectionHandlers {
  toggle: (customer: Customer) => void;
  /** Header checkbox: select everything matching, or clear whatever is selected. */
  toggleAll: () => void;
}

/** The checkbox column. While "all matching" is on, rows show checked and cannot be picked one by one. */
export function selectionColumn(
  t: Translate,
  selection: SelectionView,
  { toggle, toggleAll }: SelectionHandlers,
): ColumnDef<Customer> {
  const some = selection.ids.size > 0;
  return {
    id: 'select',
    size: 44,
    enableSorting: false,
    header: () => (
      <HeaderCheckbox
        checked={selection.allMatching}
        mixed={!selection.allMatching && some}
        // One name whatever the state: checked / mixed say the rest, and a click on either clears.
        label={t('customerList.select.allMatching', { count: selection.total })}
        onChange={toggleAll}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        className="row-check"
        checked={selection.allMatching || selection.ids.has(row.original.id)}
        disabled={selection.allMatching}
        aria-label={t('customerList.select.row', { name: row.original.name })}
        onChange={() => toggle(row.original)}
      />
    ),
  };
}
