import type { DealForecast, DealStage } from '../../../src-shared/contract';
import { FiguresTable } from '../../components/FiguresTable';
import { useCustomerOptions } from '../customers/useCustomerOptions';
import { choiceName } from '../customers/choiceName';
import type { AnalyticsFormat } from '../analytics/analyticsFormat';
import { stageNameById } from './stageName';

interface TableProps {
  forecast: DealForecast;
  stages: readonly DealStage[];
  format: AnalyticsFormat;
}

/** Win rates by stage reached and by source, and how long deals stay in each stage. */
export function ForecastTables({ forecast, stages, format }: TableProps) {
  const { t } = format;
  const { sources } = useCustomerOptions();
  const rate = (value: number | null) => (value === null ? t('table.emptyCell') : format.percent(value));
  const rateHeaders = (first: string) => [
    first,
    t('pipeline.forecast.closed'),
    t('pipeline.forecast.wonCount'),
    t('pipeline.forecast.winRate'),
  ];
  return (
    <section className="card analytics-section forecast-tables" aria-labelledby="forecast-rates">
      <h2 id="forecast-rates">{t('pipeline.forecast.ratesTitle')}</h2>
      <div className="forecast-table-grid">
        <FiguresTable
          caption={t('pipeline.forecast.byStage')}
          headers={rateHeaders(t('pipeline.form.stage'))}
          rows={forecast.winRateByStage.map((row) => [
            stageNameById(t, stages, row.stageId),
            format.number(row.closed),
            format.number(row.won),
            rate(row.rate),
          ])}
        />
        <FiguresTable
          caption={t('pipeline.forecast.bySource')}
          headers={rateHeaders(t('pipeline.form.source'))}
          rows={forecast.winRateBySource.map((row) => [
            row.source === null ? t('pipeline.noSource') : choiceName(t, 'source', sources, row.source),
            format.number(row.closed),
            format.number(row.won),
            rate(row.rate),
          ])}
        />
        <FiguresTable
          caption={t('pipeline.forecast.daysTitle')}
          headers={[
            t('pipeline.form.stage'),
            t('pipeline.forecast.stays'),
            t('pipeline.forecast.averageDays'),
          ]}
          rows={[
            ...forecast.daysPerStage.map((row) => [
              stageNameById(t, stages, row.stageId),
              format.number(row.stays),
              row.averageDays === null ? t('table.emptyCell') : format.number(row.averageDays, 1),
            ]),
            [
              t('pipeline.forecast.cycle'),
              '',
              forecast.averageCycleDays === null
                ? t('table.emptyCell')
                : format.number(forecast.averageCycleDays, 1),
            ],
          ]}
        />
      </div>
    </section>
  );
}
