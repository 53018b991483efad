import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CustomerRowView, CustomerSortField } from '../../../src-shared/contract';
import { useGlobalShortcut } from '../../app/useGlobalShortcut';
import { useRouteStore } from '../../app/useRouteStore';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { PageStatus } from '../../components/PageStatus';
import { useI18n } from '../../i18n/useI18n';
import { selectListView } from './customerListSlice';
import { customerColumns } from './customerColumns';
import { CustomerForm } from './CustomerForm';
import { useCustomerStore } from './useCustomerStore';

type FormState = { mode: 'create' } | null;

const PeopleIcon = () => (
  <svg viewBox="0 0 24 24" width="40" height="40" fill="none" stroke="currentColor" strokeWidth="1.5">
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6" />
    <circle cx="17" cy="9" r="2.5" />
    <path d="M16 14.2c3 .2 5.5 2.3 5.5 5.8" />
  </svg>
);

export function CustomerListPage() {
  const { t, formatDateTime } = useI18n(useShallow((s) => ({ t: s.t, formatDateTime: s.formatDateTime })));
  const list = useCustomerStore(useShallow(selectListView));
  const { load, setPage, setSort, moveToTrash } = useCustomerStore(
    useShallow((s) => ({ load: s.load, setPage: s.setPage, setSort: s.setSort, moveToTrash: s.moveToTrash })),
  );
  const navigate = useRouteStore((s) => s.navigate);
  const [form, setForm] = useState<FormState>(null);
  const openCreate = () => setForm({ mode: 'create' });

  // Always refetch on arrival: the trash or another door may have changed the list while we were away.
  useEffect(() => {
    void load();
  }, [load]);

  useGlobalShortcut('n', openCreate, form === null);

  const columns = useMemo(
    () =>
      customerColumns({
        t,
        formatDateTime,
        onEdit: (customer) => navigate('customer', customer.id),
        onDelete: (customer) => void moveToTrash(customer),
      }),
    [t, formatDateTime, moveToTrash, navigate],
  );

  const newButton = (
    <button type="button" className="button button-primary" onClick={openCreate}>
      {t('customers.new')}
      <kbd className="shortcut" aria-hidden="true">
        {t('customers.newShortcut')}
      </kbd>
    </button>
  );

  const firstRun = list.loaded && list.total === 0;

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={list.loaded && !firstRun ? t('customers.subtitle', { count: list.total }) : undefined}
        actions={firstRun ? undefined : newButton}
      />
      {!list.loaded ? (
        <PageStatus loading={list.loading} error={list.error} onRetry={() => void load()} />
      ) : firstRun ? (
        <EmptyState
          icon={<PeopleIcon />}
          title={t('customers.empty.title')}
          body={t('customers.empty.body')}
          action={
            <button type="button" className="button button-primary button-large" onClick={openCreate}>
              {t('customers.empty.action')}
            </button>
          }
        />
      ) : (
        <DataTable<CustomerRowView, CustomerSortField>
          label={t('customers.tableLabel')}
          columns={columns}
          rows={list.rows}
          total={list.total}
          page={list.page}
          pageSize={list.pageSize}
          sort={list.sort}
          onSortChange={setSort}
          onPageChange={setPage}
          getRowId={(customer) => String(customer.id)}
          onRowClick={(customer) => navigate('customer', customer.id)}
          loading={list.loading}
        />
      )}
      {form ? (
        <CustomerForm onClose={() => setForm(null)} />
      ) : null}
    </>
  );
}
