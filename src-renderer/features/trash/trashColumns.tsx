import type { ColumnDef } from '@tanstack/react-table';
import type { Customer } from '../../../src-shared/contract';
import type { Translate } from '../../i18n/useI18n';
import { customerColumnBuilders } from '../customers/customerColumns';

interface ColumnOptions {
  t: Translate;
  formatDateTime: (iso: string) => string;
  onRestore: (customer: Customer) => void;
}

/** Deleted customers: enough to recognise each one, when it was deleted, and the way back. */
export function trashColumns({ t, formatDateTime, onRestore }: ColumnOptions): ColumnDef<Customer>[] {
  const column = customerColumnBuilders(t, formatDateTime);
  return [
    column.name(),
    column.text('company'),
    column.text('email'),
    column.text('phone'),
    column.instant('deletedAt'),
    {
      id: 'actions',
      header: t('customers.field.actions'),
      enableSorting: false,
      cell: ({ row }) => (
        <div className="row-actions">
          <button
            type="button"
            className="button button-small"
            aria-label={t('trash.restoreAria', { name: row.original.name })}
            onClick={() => onRestore(row.original)}
          >
            {t('common.restore')}
          </button>
        </div>
      ),
    },
  ];
}
