import { FiguresTable } from '../../components/FiguresTable';
import { useT } from '../../i18n/useI18n';

interface ChartDataProps {
  headers: string[];
  /** Already formatted cells, one row per bar, point or month. */
  rows: string[][];
}

/**
 * The numbers behind a chart, folded away under "Show the numbers": the chart's text alternative
 * for a screen reader, and for anyone who wants the exact figures. The first column is the row's header.
 */
export function ChartData({ headers, rows }: ChartDataProps) {
  const t = useT();
  return (
    <details className="chart-data">
      <summary>{t('analytics.chart.showData')}</summary>
      <div className="import-table-scroll">
        <FiguresTable headers={headers} rows={rows} />
      </div>
    </details>
  );
}
