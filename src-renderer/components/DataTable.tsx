import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import type { MouseEvent } from 'react';
import { useT } from '../i18n/useI18n';

/** Every cell carries `col-<column id>` so the stylesheet can size and align columns. */
const columnClass = (id: string) => `col-${id}`;

export interface TableSort<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

interface DataTableProps<T, F extends string> {
  /** Accessible name of the table. */
  label: string;
  /** Column ids of sortable columns must be server sort fields. */
  columns: ColumnDef<T>[];
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  sort: TableSort<F> | undefined;
  onSortChange: (sort: TableSort<F> | undefined) => void;
  onPageChange: (page: number) => void;
  getRowId: (row: T) => string;
  /** Mouse convenience only; every row must also offer a focusable button for the same action. */
  onRowClick?: (row: T) => void;
  loading?: boolean;
}

/**
 * A page of server data: sorting and paging happen on the server (the table may hold 100k rows),
 * so this component only renders one page and reports clicks on headers and pager buttons.
 */
export function DataTable<T, F extends string>(props: DataTableProps<T, F>) {
  const { columns, rows, total, page, pageSize, sort, onSortChange, onPageChange, onRowClick } = props;
  const t = useT();
  const sorting: SortingState = sort ? [{ id: sort.field, desc: sort.direction === 'desc' }] : [];

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: props.getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableMultiSort: false,
    // Text and dates both start ascending; a third click returns to the server's default order.
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first ? { field: first.id as F, direction: first.desc ? 'desc' : 'asc' } : undefined);
    },
  });

  const from = total === 0 ? 0 : page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  const lastPage = Math.max(0, Math.ceil(total / pageSize) - 1);

  const handleRowClick = (event: MouseEvent<HTMLTableRowElement>, row: T) => {
    // Clicks on the row's own buttons and links are theirs, not the row's.
    if ((event.target as HTMLElement).closest('button, a, input')) return;
    onRowClick?.(row);
  };

  return (
    <div className="data-table">
      <div className="data-table-scroll">
        <table aria-label={props.label} aria-busy={props.loading ? true : undefined}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const direction = header.column.getIsSorted();
                  const content = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={columnClass(header.column.id)}
                      aria-sort={
                        direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined
                      }
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className="sort-button"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          {content}
                          <span className={`sort-indicator sort-${direction || 'none'}`} aria-hidden="true">
                            {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        content
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className={onRowClick ? 'clickable' : undefined}
                onClick={onRowClick ? (event) => handleRowClick(event, row.original) : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={columnClass(cell.column.id)}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t('table.pagination')}>
        <span className="pager-range" aria-live="polite">
          {t('table.range', { from, to, total })}
        </span>
        <button type="button" className="button" disabled={page <= 0} onClick={() => onPageChange(page - 1)}>
          {t('table.previous')}
        </button>
        <button
          type="button"
          className="button"
          disabled={page >= lastPage}
          onClick={() => onPageChange(page + 1)}
        >
          {t('table.next')}
        </button>
      </nav>
    </div>
  );
}
