import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { CustomerRowView as Customer } from '../../../src-shared/contract';
import type { Translate } from '../../i18n/useI18n';

interface ColumnOptions {
  t: Translate;
  formatDateTime: (iso: string) => string;
  onEdit: (customer: Customer) => void;
  onDelete: (customer: Customer) => void;
}

/** An optional text cell: the value as text, or a muted dash so empty cells read as "nothing", not a glitch. */
export function TextCell({ value, t }: { value: string | null; t: Translate }) {
  return value ? <>{value}</> : <span className="muted">{t('table.emptyCell')}</span>;
}

type InstantField = 'createdAt' | 'deletedAt';

/**
 * Column builders shared by the customer list and the trash. Column ids double as the
 * server's sort fields.
 */
export function customerColumnBuilders(t: Translate, formatDateTime: (iso: string) => string) {
  return {
    name: (): ColumnDef<Customer> => ({
      id: 'name',
      header: t('customers.field.name'),
      accessorFn: (customer) => customer.name,
      cell: ({ row }) => <span className="strong">{row.original.name}</span>,
    }),
    text: (field: 'company' | 'email' | 'phone' | 'city'): ColumnDef<Customer> => ({
      id: field,
      header: t(`customers.field.${field}`),
      accessorFn: (customer) => customer[field],
      cell: ({ row }) => <TextCell value={row.original[field]} t={t} />,
    }),
    instant: (field: InstantField): ColumnDef<Customer> => ({
      id: field,
      header: t(`customers.field.${field}`),
      accessorFn: (customer) => customer[field],
      cell: ({ row }) => {
        const value = row.original[field];
        return value ? (
          <time dateTime={value}>{formatDateTime(value)}</time>
        ) : (
          <TextCell value={null} t={t} />
        );
      },
    }),
    /** The row's buttons; not sortable. */
    actions: (render: (customer: Customer) => ReactNode): ColumnDef<Customer> => ({
      id: 'actions',
      header: t('customers.field.actions'),
      enableSorting: false,
      cell: ({ row }) => <div className="row-actions">{render(row.original)}</div>,
    }),
  };
}

export function customerColumns({
  t,
  formatDateTime,
  onEdit,
  onDelete,
}: ColumnOptions): ColumnDef<Customer>[] {
  const column = customerColumnBuilders(t, formatDateTime);
  return [
    column.name(),
    column.text('company'),
    column.text('email'),
    column.text('phone'),
    column.text('city'),
    column.instant('createdAt'),
    column.actions((customer) => (
      <>
        <button
          type="button"
          className="button button-small"
          aria-label={t('customers.editAria', { name: customer.name })}
          onClick={() => onEdit(customer)}
        >
          {t('common.edit')}
        </button>
        <button
          type="button"
          className="button button-small button-danger-quiet"
          aria-label={t('customers.deleteAria', { name: customer.name })}
          onClick={() => onDelete(customer)}
        >
          {t('common.delete')}
        </button>
      </>
    )),
  ];
}
