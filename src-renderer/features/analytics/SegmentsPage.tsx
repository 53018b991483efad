import { useMemo } from 'react';
import type { AnalyticsRun, SegmentKey } from '../../../src-shared/contract';
import { Chart } from '../../components/Chart';
import { useT } from '../../i18n/useI18n';
import { AnalyticsPage } from './AnalyticsPage';
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
        <div className="import-table-scroll analytics-table-scroll">
          <table className="import-table analytics-table">
            <thead>
              <tr>
                <th scope="col">{t('analytics.segments.segment')}</th>
                <th scope="col" className="numeric">
                  {t('analytics.segments.customers')}
                </th>
                <th scope="col" className="numeric">
                  {t('analytics.segments.revenueShare')}
                </th>
                <th scope="col">{t('analytics.segments.typical')}</th>
                <th scope="col">{t('analytics.segments.action')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
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
