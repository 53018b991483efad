import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CustomerRowView, CustomerSortField } from '../../../src-shared/contract';
import { useGlobalShortcut } from '../../app/useGlobalShortcut';
import { useIntentStore } from '../../app/useIntentStore';
import { hrefFor, useRouteStore } from '../../app/useRouteStore';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { PageStatus } from '../../components/PageStatus';
import { describeError } from '../../i18n/describe';
import { useI18n } from '../../i18n/useI18n';
import { clusterLabel } from '../analytics/analyticsFormat';
import { clusterProfilesOf, useLatestRun } from '../analytics/useLatestRun';
import { ExportDialog } from '../exports/ExportDialog';
import { BulkBar } from './BulkBar';
import { ColumnChooser } from './ColumnChooser';
import { customerColumns } from './customerColumns';
import { CustomerFilters } from './CustomerFilters';
import { CustomerForm } from './CustomerForm';
import { rowAt, selectListView } from './customerListSlice';
import { FilterChips } from './FilterChips';
import { activeFilterCount } from './filterDraft';
import { SavedViews } from './SavedViews';
import { selectionColumn } from './selectionColumn';
import { useCustomerOptions } from './useCustomerOptions';
import { useCustomerStore } from './useCustomerStore';

type Panel = 'create' | 'columns' | 'export' | null;

const FILTER_PANEL_ID = 'customer-filters';

const PeopleIcon = () => (
  <svg viewBox="0 0 24 24" width="40" height="40" fill="none" stroke="currentColor" strokeWidth="1.5">
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6" />
    <circle cx="17" cy="9" r="2.5" />
    <path d="M16 14.2c3 .2 5.5 2.3 5.5 5.8" />
  </svg>
);

/** The customer list: a virtualized table over every customer, with filters, views and bulk actions. */
export function CustomerListPage() {
  const i18n = useI18n(
    useShallow((s) => ({
      t: s.t,
      locale: s.locale,
      formatNumber: s.formatNumber,
      formatDateTime: s.formatDateTime,
    })),
  );
  const { t } = i18n;
  const list = useCustomerStore(useShallow(selectListView));
  const store = useCustomerStore(
    useShallow((s) => ({
      columns: s.columns,
      selectedIds: s.selectedIds,
      allMatching: s.allMatching,
      load: s.load,
      showRows: s.showRows,
      setSort: s.setSort,
      setFilters: s.setFilters,
      setColumns: s.setColumns,
      toggleSelected: s.toggleSelected,
      toggleAllMatching: s.toggleAllMatching,
      loadDemo: s.loadDemo,
    })),
  );
  const { currency, stages, sources, customFields } = useCustomerOptions();
  const run = useLatestRun();
  const profiles = clusterProfilesOf(run);
  const analyticsCurrency = run?.params.currency ?? currency;
  const navigate = useRouteStore((s) => s.navigate);
  const [chosenPanel, setPanel] = useState<Panel>(null);
  // "New customer" from the command palette, which may have brought us to this page for it.
  const newCustomerRequested = useIntentStore((state) => state.newCustomerPending);
  const panel: Panel = newCustomerRequested ? 'create' : chosenPanel;
  const closePanel = () => {
    useIntentStore.getState().takeNewCustomer();
    setPanel(null);
  };
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [demoLoading, setDemoLoading] = useState(false);
  const openCreate = () => setPanel('create');

  // Always refetch on arrival: the trash or another door may have changed the list while we were away.
  const { load } = store;
  useEffect(() => {
    void load();
  }, [load]);

  useGlobalShortcut('n', openCreate, panel === null);

  const { selectedIds, allMatching, toggleSelected, toggleAllMatching, columns: columnIds } = store;
  const { locale, formatNumber, formatDateTime } = i18n;
  const total = list.total;
  const analytics = useMemo(
    () => ({
      t,
      locale,
      currency: analyticsCurrency,
      clusterLabel: (index: number) => clusterLabel(t, index, profiles),
    }),
    [t, locale, analyticsCurrency, profiles],
  );
  const columns = useMemo(
    () => [
      selectionColumn(
        t,
        { ids: selectedIds, allMatching, total },
        { toggle: (customer) => toggleSelected(customer.id), toggleAll: toggleAllMatching },
      ),
      ...customerColumns(columnIds, customFields, {
        t,
        locale,
        currency,
        formatNumber,
        formatDateTime,
        stages,
        sources,
        analytics,
      }),
    ],
    [
      analytics,
      t,
      locale,
      currency,
      formatNumber,
      formatDateTime,
      stages,
      sources,
      customFields,
      columnIds,
      selectedIds,
      allMatching,
      total,
      toggleSelected,
      toggleAllMatching,
    ],
  );

  const { windows } = list;
  const getRow = useCallback((index: number) => rowAt(windows, index), [windows]);
  const isSelected = useCallback(
    (customer: CustomerRowView) => allMatching || selectedIds.has(customer.id),
    [allMatching, selectedIds],
  );

  const filterCount = activeFilterCount(list.filters);
  const firstRun = list.loaded && list.total === 0 && filterCount === 0;

  const newButton = (
    <button type="button" className="button button-primary" onClick={openCreate}>
      {t('customers.new')}
      <kbd className="shortcut" aria-hidden="true">
        {t('customers.newShortcut')}
      </kbd>
    </button>
  );

  const loadDemo = async () => {
    setDemoLoading(true);
    await store.loadDemo();
    setDemoLoading(false);
  };

  return (
    <div className="list-page">
      <PageHeader
        title={t('customers.title')}
        subtitle={
          list.loaded && !firstRun
            ? t(filterCount ? 'customerList.matching' : 'customers.subtitle', { count: list.total })
            : undefined
        }
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
            <div className="empty-state-buttons">
              <button type="button" className="button button-primary button-large" onClick={openCreate}>
                {t('customers.empty.action')}
              </button>
              <button
                type="button"
                className="button button-large"
                disabled={demoLoading}
                onClick={() => void loadDemo()}
              >
                {demoLoading ? t('customerList.demo.loading') : t('customerList.demo.load')}
              </button>
              <a className="button button-large" href={hrefFor('import')}>
                {t('imports.fromEmptyList')}
              </a>
            </div>
          }
        />
      ) : (
        <>
          <div className="list-toolbar">
            <button
              type="button"
              className="button"
              aria-expanded={filtersOpen}
              aria-controls={FILTER_PANEL_ID}
              onClick={() => setFiltersOpen((open) => !open)}
            >
              {t('customerList.filter.button')}
              {filterCount ? <span className="badge">{filterCount}</span> : null}
            </button>
            <button type="button" className="button" onClick={() => setPanel('columns')}>
              {t('customerList.columns.button')}
            </button>
            <button type="button" className="button" onClick={() => setPanel('export')}>
              {t('exports.button')}
            </button>
            <SavedViews />
          </div>
          {filtersOpen ? (
            <CustomerFilters
              // A new set of filters (a view opened, a chip removed) starts a fresh draft.
              key={JSON.stringify(list.filters)}
              id={FILTER_PANEL_ID}
              filters={list.filters}
              onApply={store.setFilters}
              onClose={() => setFiltersOpen(false)}
            />
          ) : null}
          <FilterChips filters={list.filters} onChange={store.setFilters} />
          <BulkBar />
          {list.error ? (
            <div className="list-error" role="alert">
              <span>{describeError(t, list.error.code)}</span>
              <button type="button" className="button button-small" onClick={() => void load()}>
                {t('common.retry')}
              </button>
            </div>
          ) : null}
          <DataTable<CustomerRowView, CustomerSortField>
            label={t('customers.tableLabel')}
            columns={columns}
            rowCount={list.total}
            rowAt={getRow}
            getRowId={(customer) => String(customer.id)}
            onRowsShown={store.showRows}
            sort={list.sort}
            onSortChange={store.setSort}
            resetKey={list.resetKey}
            onRowClick={(customer) => navigate('customer', customer.id)}
            isRowSelected={isSelected}
            loading={list.loading}
            empty={t('customerList.noMatches')}
          />
        </>
      )}
      {panel === 'create' ? <CustomerForm onClose={closePanel} /> : null}
      {panel === 'export' ? (
        <ExportDialog
          filters={list.filters}
          // "All matching" is ticked: the filters say which customers better than a list of ids.
          filtered={filterCount > 0 || allMatching}
          selectedIds={allMatching ? [] : [...selectedIds]}
          onClose={closePanel}
        />
      ) : null}
      {panel === 'columns' ? (
        <ColumnChooser
          columns={columnIds}
          customFields={customFields}
          onChange={store.setColumns}
          onClose={closePanel}
        />
      ) : null}
    </div>
  );
}
