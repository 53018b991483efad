import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Deal } from '../../../src-shared/contract';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { PageStatus } from '../../components/PageStatus';
import { dealColumns } from './dealColumns';
import { useDealFormat } from './dealFormat';
import { DealListFilters } from './DealListFilters';
import { StagePickDialog } from './StagePickDialog';
import { useDealEditorStore } from './useDealEditorStore';
import type { DealSort } from './dealListInput';
import { useDealListStore } from './useDealListStore';
import { useDealStagesStore } from './useDealStagesStore';

/** Deals (`#/deals`): the same deals as the board, as a sortable, filterable table with bulk actions. */
export function DealListPage() {
  const format = useDealFormat();
  const { t } = format;
  const list = useDealListStore(useShallow((s) => s));
  const { stages, ensureStages } = useDealStagesStore(
    useShallow((s) => ({ stages: s.stages, ensureStages: s.ensureLoaded })),
  );
  const { open, startNew } = useDealEditorStore(useShallow((s) => ({ open: s.open, startNew: s.startNew })));
  const [moving, setMoving] = useState(false);

  const { load } = list;
  useEffect(() => {
    void ensureStages();
    void load();
  }, [ensureStages, load]);

  const onOpen = useCallback((deal: Deal) => void open(deal.id), [open]);
  const columns = useMemo(
    () =>
      dealColumns({
        format,
        stages,
        selected: list.selected,
        allSelected: list.deals.length > 0 && list.selected.size === list.deals.length,
        onToggle: list.toggle,
        onToggleAll: list.toggleAll,
        onOpen,
      }),
    [format, stages, list.selected, list.deals.length, list.toggle, list.toggleAll, onOpen],
  );
  const rowAt = useCallback((index: number) => list.deals[index], [list.deals]);
  const noop = useCallback(() => undefined, []);

  if (!list.loaded)
    return <PageStatus loading={list.loading} error={list.error} onRetry={() => void load()} />;
  return (
    <>
      <PageHeader
        title={t('nav.deals')}
        subtitle={t('pipeline.list.subtitle', { count: list.total })}
        actions={
          <button type="button" className="button button-primary" onClick={() => startNew({})}>
            {t('pipeline.board.new')}
          </button>
        }
      />
      <DealListFilters filters={list.filters} stages={stages} onChange={list.setFilters} />
      {list.selected.size > 0 ? (
        <div className="bulk-bar" role="toolbar" aria-label={t('pipeline.list.bulkLabel')}>
          <span>{t('pipeline.list.selected', { count: list.selected.size })}</span>
          <button type="button" className="button" onClick={() => setMoving(true)}>
            {t('pipeline.list.moveSelected')}
          </button>
          <button
            type="button"
            className="button button-danger-quiet"
            onClick={() => void list.deleteSelected()}
          >
            {t('pipeline.list.deleteSelected')}
          </button>
          <button type="button" className="button" onClick={list.clearSelection}>
            {t('pipeline.list.clearSelection')}
          </button>
        </div>
      ) : null}
      <DataTable<Deal, DealSort>
        label={t('pipeline.list.tableLabel')}
        columns={columns}
        rowCount={list.deals.length}
        rowAt={rowAt}
        getRowId={(deal) => String(deal.id)}
        onRowsShown={noop}
        sort={list.sort}
        onSortChange={list.setSort}
        resetKey={list.resetKey}
        onRowClick={onOpen}
        isRowSelected={(deal) => list.selected.has(deal.id)}
        loading={list.loading}
        empty={<EmptyState title={t('pipeline.list.emptyTitle')} body={t('pipeline.list.emptyBody')} />}
      />
      {moving ? (
        <StagePickDialog
          title={t('pipeline.list.moveSelected')}
          label={t('pipeline.form.stage')}
          stages={stages}
          confirm={t('pipeline.list.move')}
          onClose={() => setMoving(false)}
          onPick={(stageId) => {
            setMoving(false);
            void list.moveSelected(stageId);
          }}
        />
      ) : null}
    </>
  );
}
