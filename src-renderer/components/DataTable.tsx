import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type MouseEvent, type ReactNode } from 'react';
import { useT } from '../i18n/useI18n';

/** Every cell carries `col-<column id>` so the stylesheet can align columns. */
const columnClass = (id: string) => `col-${id}`;

/** Rows are one line high (table.css keeps them so): a fixed height lets the scrollbar stand for every row. */
export const ROW_HEIGHT = 40;
/** Rows rendered beyond the visible ones, so a quick flick does not outrun rendering. */
const OVERSCAN = 10;

export interface TableSort<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

interface DataTableProps<T, F extends string> {
  /** Accessible name of the table. */
  label: string;
  /** Column ids of sortable columns must be server sort fields; `size` is the column's width in px. */
  columns: ColumnDef<T>[];
  /** All rows the server has for this list, loaded or not: sizes the scrollbar. */
  rowCount: number;
  /** The row at a position, or undefined while its window loads (shown as a placeholder row). */
  rowAt: (index: number) => T | undefined;
  getRowId: (row: T) => string;
  /** Reports the rows in view whenever they change, so the owner can fetch around them. */
  onRowsShown: (first: number, last: number) => void;
  sort: TableSort<F> | undefined;
  onSortChange: (sort: TableSort<F> | undefined) => void;
  /** A change scrolls back to the top (new order or filters). */
  resetKey?: number;
  /** Mouse convenience only; every row must also offer a focusable link or button for the same action. */
  onRowClick?: (row: T) => void;
  isRowSelected?: (row: T) => boolean;
  loading?: boolean;
  /** Shown in the body when there are no rows. */
  empty?: ReactNode;
}

type Slot<T> = { index: number; row: Row<T> | null };

/**
 * A virtualized window over a server list of any length: sorting and loading happen on the server,
 * this renders only the rows in view (spacer rows stand for the rest) and reports which those are.
 */
export function DataTable<T, F extends string>(props: DataTableProps<T, F>) {
  const { columns, rowCount, rowAt, sort, onSortChange, onRowClick, onRowsShown, resetKey } = props;
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const sorting: SortingState = sort ? [{ id: sort.field, desc: sort.direction === 'desc' }] : [];

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) onRowsShown(first, last);
  }, [first, last, onRowsShown]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  // Only the rows in view are handed to react-table; a new array only when the range or the data moves.
  const loadedRows = useMemo(() => {
    const rows: T[] = [];
    for (let index = first; index <= last; index++) {
      const row = rowAt(index);
      if (row !== undefined) rows.push(row);
    }
    return rows;
  }, [first, last, rowAt]);

  const table = useReactTable({
    data: loadedRows,
    columns,
    getRowId: props.getRowId,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    // There are no pages here; without this, react-table resets its page index on every new array of rows.
    manualPagination: true,
    enableMultiSort: false,
    // Text and dates both start ascending; a third click returns to the server's default order.
    sortDescFirst: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const head = next[0];
      onSortChange(head ? { field: head.id as F, direction: head.desc ? 'desc' : 'asc' } : undefined);
    },
  });

  // Pair each position in view with its table row (rows keep the order they were passed in).
  const tableRows = table.getRowModel().rows;
  let next = 0;
  const slots: Slot<T>[] = items.map((item) => ({
    index: item.index,
    row: rowAt(item.index) !== undefined ? (tableRows[next++] ?? null) : null,
  }));

  const leafColumns = table.getVisibleLeafColumns();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = Math.max(0, virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0));

  const handleRowClick = (event: MouseEvent<HTMLTableRowElement>, row: T) => {
    // Clicks on the row's own controls are theirs, not the row's.
    if ((event.target as HTMLElement).closest('button, a, input, select, label')) return;
    onRowClick?.(row);
  };

  const rowClass = (row: T) =>
    [onRowClick ? 'clickable' : '', props.isRowSelected?.(row) ? 'selected' : ''].join(' ').trim() ||
    undefined;

  const spacer = (height: number, key: string) =>
    height > 0 ? (
      <tr key={key} className="spacer-row" aria-hidden="true">
        <td colSpan={leafColumns.length} style={{ height }} />
      </tr>
    ) : null;

  return (
    <div className="data-table">
      <div
        ref={scrollRef}
        className="data-table-scroll"
        // Focusable so PageDown/End scroll it from the keyboard.
        tabIndex={0}
        role="region"
        aria-label={props.label}
      >
        <table
          aria-label={props.label}
          aria-rowcount={rowCount + 1}
          aria-busy={props.loading ? true : undefined}
          style={{ minWidth: table.getTotalSize() }}
        >
          <colgroup>
            {leafColumns.map((column) => (
              <col key={column.id} style={{ width: column.getSize() }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
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
            {rowCount === 0 && props.empty ? (
              <tr>
                <td colSpan={leafColumns.length} className="table-empty">
                  {props.empty}
                </td>
              </tr>
            ) : null}
            {spacer(paddingTop, 'before')}
            {slots.map(({ index, row }) =>
              row ? (
                <tr
                  // Keyed by position: while a refetch lands, one customer may briefly sit in two windows.
                  key={index}
                  aria-rowindex={index + 2}
                  className={rowClass(row.original)}
                  onClick={onRowClick ? (event) => handleRowClick(event, row.original) : undefined}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={columnClass(cell.column.id)}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ) : (
                <tr key={index} className="placeholder-row" aria-rowindex={index + 2}>
                  <td colSpan={leafColumns.length}>
                    <span className="placeholder-bar">
                      <span className="visually-hidden">{t('table.loading')}</span>
                    </span>
                  </td>
                </tr>
              ),
            )}
            {spacer(paddingBottom, 'after')}
          </tbody>
        </table>
      </div>
    </div>
  );
}
