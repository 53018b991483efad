import type { ColumnDef } from '@tanstack/react-table';
import type { CustomerRowView as Customer } from '../../../src-shared/contract';
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
    column.actions((customer) => (
      <button
        type="button"
        className="button button-small"
        aria-label={t('trash.restoreAria', { name: customer.name })}
        onClick={() => onRestore(customer)}
      >
        {t('common.restore')}
      </button>
    )),
  ];
}
