import { useMemo } from 'react';
import type { AnalyticsRun, SegmentKey } from '../../../src-shared/contract';
import { Chart } from '../../components/Chart';
import { useT } from '../../i18n/useI18n';
import { AnalyticsPage } from './AnalyticsPage';
import { AnalyticsTable } from './AnalyticsTable';
import { actionText, segmentDescription, segmentName, type AnalyticsFormat } from './analyticsFormat';
import { SEGMENT_COLORS } from './charts/chartTheme';
import { segmentGridOption } from './charts/segmentGridChart';
import { gridCells } from './segmentGrid';
import { Swatch } from './Swatch';
import { useOpenCustomerList } from './useOpenCustomerList';

/** A segment's customers, biggest spenders first: the ones most worth the recommended action. */
const BY_REVENUE = { field: 'revenue', direction: 'desc' } as const;

function SegmentFigures({ run, format }: { run: AnalyticsRun; format: AnalyticsFormat }) {
  const { t } = format;
  const openList = useOpenCustomerList();
  const cells = useMemo(() => gridCells(run.grid), [run.grid]);
  const option = useMemo(() => segmentGridOption(cells, run.segments, format), [cells, run.segments, format]);
  const open = (segment: SegmentKey) => openList({ segments: [segment] }, BY_REVENUE);

  return (
    <>
      <section className="card analytics-section" aria-labelledby="segments-grid">
        <h2 id="segments-grid">{t('analytics.segments.gridTitle')}</h2>
        <p className="muted">{t('analytics.segments.gridHint')}</p>
        <Chart
          option={option}
          label={t('analytics.segments.gridLabel')}
          className="chart-square"
          onItemClick={({ dataIndex }) => {
            const cell = cells[dataIndex];
            if (cell) open(cell.segment);
          }}
        />
      </section>
      <section className="card analytics-section" aria-labelledby="segments-list">
        <h2 id="segments-list">{t('analytics.segments.listTitle')}</h2>
        <AnalyticsTable
          columns={[
            { label: t('analytics.segments.segment') },
            { label: t('analytics.segments.customers'), numeric: true },
            { label: t('analytics.segments.revenueShare'), numeric: true },
            { label: t('analytics.segments.typical') },
            { label: t('analytics.segments.action') },
          ]}
        >
          {run.segments.map((segment) => (
            <tr key={segment.key}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  disabled={segment.count === 0}
                  onClick={() => open(segment.key)}
                >
                  <Swatch color={SEGMENT_COLORS[segment.key]} />
                  {segmentName(t, segment.key)}
                </button>
                <span className="cell-hint muted">{segmentDescription(t, segment.key)}</span>
              </th>
              <td className="numeric">
                {format.number(segment.count)}
                <span className="cell-hint muted">{format.percent(segment.share)}</span>
              </td>
              <td className="numeric">{format.percent(segment.revenueShare)}</td>
              <td>
                {segment.count === 0
                  ? t('table.emptyCell')
                  : t('analytics.segments.typicalValue', {
                      days: format.number(segment.medianRecencyDays),
                      orders: format.number(segment.medianFrequency, 1),
                      spend: format.money(segment.medianMonetaryCents),
                    })}
              </td>
              <td>{actionText(t, segment.action)}</td>
            </tr>
          ))}
        </AnalyticsTable>
      </section>
    </>
  );
}

/** RFM segments: who the best customers are, who is slipping away, and what to do with each group. */
export function SegmentsPage() {
  const t = useT();
  return (
    <AnalyticsPage title={t('nav.segments')}>
      {(run, format) => <SegmentFigures run={run} format={format} />}
    </AnalyticsPage>
  );
}
