import { useCallback, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CustomerRowView, CustomerSortField } from '../../../src-shared/contract';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { PageStatus } from '../../components/PageStatus';
import { useI18n } from '../../i18n/useI18n';
import { rowAt, selectListView } from '../customers/customerListSlice';
import { PurgeTrashButton } from './PurgeTrashButton';
import { trashColumns } from './trashColumns';
import { useTrashStore } from './useTrashStore';

const TrashIcon = () => (
  <svg viewBox="0 0 24 24" width="40" height="40" fill="none" stroke="currentColor" strokeWidth="1.5">
    <path d="M4 7h16M9 7V4.5h6V7M6 7l1 13h10l1-13" />
    <path d="M10 11v5M14 11v5" />
  </svg>
);

/** Deleted customers, most recently deleted first, each with a Restore button. */
export function TrashPage() {
  const { t, formatDateTime } = useI18n(useShallow((s) => ({ t: s.t, formatDateTime: s.formatDateTime })));
  const list = useTrashStore(useShallow(selectListView));
  const { load, showRows, setSort, restore } = useTrashStore(
    useShallow((s) => ({ load: s.load, showRows: s.showRows, setSort: s.setSort, restore: s.restore })),
  );
  const { windows } = list;
  const getRow = useCallback((index: number) => rowAt(windows, index), [windows]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns = useMemo(
    () => trashColumns({ t, formatDateTime, onRestore: (customer) => void restore(customer) }),
    [t, formatDateTime, restore],
  );

  return (
    <div className="list-page">
      <PageHeader
        title={t('trash.title')}
        subtitle={t('trash.subtitle')}
        actions={list.total > 0 ? <PurgeTrashButton /> : undefined}
      />
      {!list.loaded ? (
        <PageStatus loading={list.loading} error={list.error} onRetry={() => void load()} />
      ) : list.total === 0 ? (
        <EmptyState icon={<TrashIcon />} title={t('trash.empty.title')} body={t('trash.empty.body')} />
      ) : (
        <DataTable<CustomerRowView, CustomerSortField>
          label={t('trash.tableLabel')}
          columns={columns}
          rowCount={list.total}
          rowAt={getRow}
          onRowsShown={showRows}
          sort={list.sort}
          onSortChange={setSort}
          resetKey={list.resetKey}
          getRowId={(customer) => String(customer.id)}
          loading={list.loading}
        />
      )}
    </div>
  );
}
