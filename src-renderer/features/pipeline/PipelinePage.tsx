import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Deal } from '../../../src-shared/contract';
import { hrefFor } from '../../app/useRouteStore';
import { PageHeader } from '../../components/PageHeader';
import { PageStatus } from '../../components/PageStatus';
import { useCustomerOptions } from '../customers/useCustomerOptions';
import { useSettingsStore } from '../settings/useSettingsStore';
import { BoardColumn } from './BoardColumn';
import { columnOrders, groupByStage } from './boardColumns';
import { BoardFilters } from './BoardFilters';
import { boardFiltersToInput, type BoardFilterDraft } from './boardFilters';
import { useDealFormat } from './dealFormat';
import { keyboardMoveTarget, type MoveDirection } from './keyboardMove';
import { MoveDealDialog } from './MoveDealDialog';
import { OutcomeTarget } from './OutcomeTarget';
import { stageName } from './stageName';
import { useDealEditorStore, type DealOutcome } from './useDealEditorStore';
import { useDealStagesStore } from './useDealStagesStore';
import { usePipelineStore } from './usePipelineStore';

const HINT_ID = 'board-keyboard-hint';

/** The board (`#/pipeline`): a column per open stage, then Won and Lost. */
export function PipelinePage() {
  const format = useDealFormat();
  const { t } = format;
  const { stages, stagesLoaded, ensureStages } = useDealStagesStore(
    useShallow((s) => ({ stages: s.stages, stagesLoaded: s.loaded, ensureStages: s.ensureLoaded })),
  );
  const board = usePipelineStore(
    useShallow((s) => ({
      deals: s.deals,
      draft: s.draft,
      loaded: s.loaded,
      loading: s.loading,
      error: s.error,
      focusId: s.focusId,
      load: s.load,
      move: s.move,
      setFilters: s.setFilters,
      focused: s.focused,
    })),
  );
  const editor = useDealEditorStore(
    useShallow((s) => ({ open: s.open, askClose: s.askClose, startNew: s.startNew })),
  );
  const staleDays = useSettingsStore((s) => s.settings?.dealStaleDays ?? 14);
  const { currency } = useCustomerOptions();
  const [moving, setMoving] = useState<Deal | null>(null);

  const { load } = board;
  useEffect(() => {
    void ensureStages();
    void load();
  }, [ensureStages, load]);

  const columns = useMemo(() => groupByStage(board.deals, stages), [board.deals, stages]);
  const orders = useMemo(() => columnOrders(stages, columns), [stages, columns]);
  const byId = useMemo(() => new Map(board.deals.map((deal) => [deal.id, deal])), [board.deals]);
  const problems = useMemo(
    () => boardFiltersToInput(board.draft, currency, staleDays).problems,
    [board.draft, currency, staleDays],
  );

  const { move, open, askClose } = { move: board.move, open: editor.open, askClose: editor.askClose };
  const onOpen = useCallback((deal: Deal) => void open(deal.id), [open]);
  const onKeyMove = useCallback(
    (deal: Deal, direction: MoveDirection) => {
      const target = keyboardMoveTarget(orders, deal.id, direction);
      if (target) void move(deal.id, target.stageId, target.beforeId, true);
    },
    [orders, move],
  );
  const onDrop = useCallback(
    (id: number, stageId: number, beforeId: number | null) => void move(id, stageId, beforeId),
    [move],
  );
  const onOutcomeDrop = useCallback(
    (id: number, outcome: DealOutcome) => {
      const deal = byId.get(id);
      if (deal) askClose(deal, outcome);
    },
    [byId, askClose],
  );
  const { startNew } = editor;
  const onQuickAdd = useCallback((stageId: number) => startNew({ stageId }), [startNew]);

  const applyFilters = (draft: BoardFilterDraft) =>
    board.setFilters(draft, boardFiltersToInput(draft, currency, staleDays).filters);

  const ready = board.loaded && stagesLoaded;
  return (
    <div className="pipeline-page">
      <PageHeader
        title={t('nav.pipeline')}
        subtitle={ready ? t('pipeline.board.subtitle', { count: board.deals.length }) : undefined}
        actions={
          <>
            <a className="button" href={hrefFor('deals')}>
              {t('nav.deals')}
            </a>
            <button type="button" className="button button-primary" onClick={() => startNew({})}>
              {t('pipeline.board.new')}
            </button>
          </>
        }
      />
      <BoardFilters draft={board.draft} staleDays={staleDays} problems={problems} onChange={applyFilters} />
      <p id={HINT_ID} className="hint board-hint">
        {t('pipeline.board.keysHint')}
      </p>
      {!ready ? (
        <PageStatus loading={board.loading} error={board.error} onRetry={() => void load()} />
      ) : (
        <div className="board" aria-busy={board.loading ? true : undefined}>
          {stages.map((stage) => (
            <BoardColumn
              key={stage.id}
              stage={stage}
              name={stageName(t, stage)}
              deals={columns.get(stage.id) ?? []}
              currency={currency}
              format={format}
              hintId={HINT_ID}
              focusId={board.focusId}
              onFocused={board.focused}
              onOpen={onOpen}
              onKeyMove={onKeyMove}
              onMoveMenu={setMoving}
              onDrop={onDrop}
              onQuickAdd={onQuickAdd}
            />
          ))}
          <div className="board-outcomes">
            <OutcomeTarget outcome="won" format={format} onDrop={onOutcomeDrop} />
            <OutcomeTarget outcome="lost" format={format} onDrop={onOutcomeDrop} />
          </div>
        </div>
      )}
      {moving ? (
        <MoveDealDialog
          deal={moving}
          stages={stages}
          onClose={() => setMoving(null)}
          onMove={(stageId) => {
            setMoving(null);
            void move(
              moving.id,
              stageId,
              orders.find((o) => o.stageId === stageId)?.dealIds[0] ?? null,
              true,
            );
          }}
          onOutcome={(outcome) => {
            setMoving(null);
            askClose(moving, outcome);
          }}
        />
      ) : null}
    </div>
  );
}
