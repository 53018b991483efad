import type { ColumnDef } from '@tanstack/react-table';
import { DEAL_SORTS, type Deal, type DealStage } from '../../../src-shared/contract';
import { TextCell } from '../customers/customerColumns';
import type { DealFormat } from './dealFormat';
import { stageNameById } from './stageName';

interface DealColumnContext {
  format: DealFormat;
  stages: readonly DealStage[];
  selected: ReadonlySet<number>;
  allSelected: boolean;
  onToggle: (id: number) => void;
  onToggleAll: () => void;
  onOpen: (deal: Deal) => void;
}

const SORTABLE: readonly string[] = DEAL_SORTS;

/** Where a deal stands: its stage while open, else how it ended. */
function stageText({ format, stages }: DealColumnContext, deal: Deal): string {
  if (deal.status === 'open') return stageNameById(format.t, stages, deal.stageId);
  return format.t(`pipeline.outcome.${deal.status}`);
}

/** The list's columns; a column whose id is a server sort (DEAL_SORTS) sorts on the server. */
export function dealColumns(context: DealColumnContext): ColumnDef<Deal>[] {
  const { format } = context;
  const { t } = format;
  const columns: ColumnDef<Deal>[] = [
    {
      id: 'select',
      size: 44,
      header: () => (
        <input
          type="checkbox"
          className="row-check"
          checked={context.allSelected}
          aria-label={t('pipeline.list.selectAll')}
          onChange={context.onToggleAll}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          className="row-check"
          checked={context.selected.has(row.original.id)}
          aria-label={t('pipeline.list.selectRow', { title: row.original.title })}
          onChange={() => context.onToggle(row.original.id)}
        />
      ),
    },
    {
      id: 'title',
      size: 220,
      header: () => t('pipeline.form.title'),
      cell: ({ row }) => (
        <button type="button" className="link-button" onClick={() => context.onOpen(row.original)}>
          {row.original.title}
        </button>
      ),
    },
    {
      id: 'customer',
      size: 180,
      header: () => t('pipeline.form.customer'),
      cell: ({ row }) => <>{row.original.customerCompany ?? row.original.customerName}</>,
    },
    {
      id: 'stage',
      size: 130,
      header: () => t('pipeline.form.stage'),
      cell: ({ row }) => stageText(context, row.original),
    },
    {
      id: 'value',
      size: 130,
      header: () => t('pipeline.form.value'),
      cell: ({ row }) => format.money(row.original.valueCents, row.original.currency),
    },
    {
      id: 'probability',
      size: 90,
      header: () => t('pipeline.list.probability'),
      cell: ({ row }) => format.percent(row.original.probability),
    },
    {
      id: 'weighted',
      size: 130,
      header: () => t('pipeline.list.weighted'),
      cell: ({ row }) =>
        format.money(
          Math.round((row.original.valueCents * row.original.probability) / 100),
          row.original.currency,
        ),
    },
    {
      id: 'winProbability',
      size: 90,
      header: () => t('pipeline.list.winProbability'),
      cell: ({ row }) => (
        <TextCell
          t={t}
          value={row.original.winProbability === null ? null : format.share(row.original.winProbability)}
        />
      ),
    },
    {
      id: 'expectedClose',
      size: 130,
      header: () => t('pipeline.form.expectedClose'),
      cell: ({ row }) => (
        <TextCell t={t} value={row.original.expectedClose ? format.day(row.original.expectedClose) : null} />
      ),
    },
    {
      id: 'daysInStage',
      size: 110,
      header: () => t('pipeline.list.daysInStage'),
      cell: ({ row }) => format.t('pipeline.list.days', { days: row.original.daysInStage }),
    },
    {
      id: 'nextStep',
      size: 200,
      header: () => t('pipeline.form.nextStep'),
      cell: ({ row }) => {
        const deal = row.original;
        const when = deal.nextStepDate ? format.day(deal.nextStepDate) : null;
        const text = [deal.nextStep, when].filter(Boolean).join(' · ');
        return text ? (
          <span className={deal.nextStepOverdue ? 'deal-overdue' : undefined}>{text}</span>
        ) : (
          <TextCell t={t} value={null} />
        );
      },
    },
  ];
  return columns.map((column) => ({ ...column, enableSorting: SORTABLE.includes(column.id ?? '') }));
}
