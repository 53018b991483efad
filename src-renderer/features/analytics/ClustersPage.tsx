import { useId, useMemo, useState } from 'react';
import type { ClusterFigures } from '../../../src-shared/contract';
import { Chart } from '../../components/Chart';
import { useT } from '../../i18n/useI18n';
import { AnalyticsPage } from './AnalyticsPage';
import { AnalyticsTable } from './AnalyticsTable';
import { clusterLabel, type AnalyticsFormat } from './analyticsFormat';
import { ChartData } from './ChartData';
import { clusteredFilters } from './chartFilters';
import { clusterColor } from './charts/chartTheme';
import { clusterScatterOption, DIMENSIONS, silhouetteOption, type Dimension } from './charts/clusterCharts';
import { Refusal } from './Refusal';
import { Swatch } from './Swatch';
import { useOpenCustomerList } from './useOpenCustomerList';

type Fitted = Extract<ClusterFigures, { ok: true }>;

/** Cluster by cluster, the biggest spenders' cluster first (clusters are numbered that way). */
const BY_CLUSTER = { field: 'cluster', direction: 'asc' } as const;

/** Picks the dimension of one scatter axis; the one picked for neither axis sizes the dots. */
function AxisSelect(props: {
  label: string;
  value: Dimension;
  onChange: (value: Dimension) => void;
  format: AnalyticsFormat;
}) {
  const id = useId();
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as Dimension)}
      >
        {DIMENSIONS.map((dimension) => (
          <option key={dimension} value={dimension}>
            {props.format.t(`analytics.dimension.${dimension}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function ClusterFiguresView({ clusters, format }: { clusters: Fitted; format: AnalyticsFormat }) {
  const { t } = format;
  const openList = useOpenCustomerList();
  const [axes, setAxes] = useState<{ x: Dimension; y: Dimension }>({ x: 'recency', y: 'monetary' });
  const { profiles, points, sweep, k } = clusters;
  const scatter = useMemo(
    () => clusterScatterOption(points, profiles, axes, format),
    [points, profiles, axes, format],
  );
  const silhouette = useMemo(() => silhouetteOption(sweep, k, format), [sweep, k, format]);
  const open = (cluster: number) =>
    openList({ clusters: [cluster] }, { field: 'revenue', direction: 'desc' });
  // Choosing for one axis what the other shows swaps them: the two axes never show the same thing.
  const choose = (axis: 'x' | 'y', value: Dimension) =>
    setAxes((current) => {
      const other = axis === 'x' ? 'y' : 'x';
      return current[other] === value
        ? ({ [axis]: value, [other]: current[axis] } as { x: Dimension; y: Dimension })
        : { ...current, [axis]: value };
    });

  return (
    <>
      <section className="card analytics-section" aria-labelledby="clusters-scatter">
        <h2 id="clusters-scatter">{t('analytics.clusters.scatterTitle')}</h2>
        <p className="muted">
          {t('analytics.clusters.summary', {
            k,
            silhouette: format.number(clusters.silhouette, 2),
            shown: format.number(points.length),
          })}
        </p>
        <div className="chart-controls">
          <AxisSelect
            label={t('analytics.clusters.xAxis')}
            value={axes.x}
            onChange={(v) => choose('x', v)}
            format={format}
          />
          <AxisSelect
            label={t('analytics.clusters.yAxis')}
            value={axes.y}
            onChange={(v) => choose('y', v)}
            format={format}
          />
        </div>
        <Chart
          option={scatter}
          label={t('analytics.clusters.scatterLabel')}
          className="chart-tall"
          onItemClick={({ seriesIndex }) => {
            const profile = profiles[seriesIndex];
            if (profile) open(profile.index);
          }}
        />
      </section>
      <section className="card analytics-section" aria-labelledby="clusters-profiles">
        <h2 id="clusters-profiles">{t('analytics.clusters.profilesTitle')}</h2>
        <AnalyticsTable
          columns={[
            { label: t('analytics.clusters.cluster') },
            { label: t('analytics.segments.customers'), numeric: true },
            { label: t('analytics.segments.revenueShare'), numeric: true },
            { label: t('analytics.clusters.medianRecency'), numeric: true },
            { label: t('analytics.clusters.medianOrders'), numeric: true },
            { label: t('analytics.clusters.medianSpend'), numeric: true },
          ]}
        >
          {profiles.map((profile, position) => (
            <tr key={profile.index}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => open(profile.index)}>
                  <Swatch color={clusterColor(position)} />
                  {clusterLabel(t, profile.index, profiles)}
                </button>
              </th>
              <td className="numeric">{format.number(profile.size)}</td>
              <td className="numeric">{format.percent(profile.revenueShare)}</td>
              <td className="numeric">{format.number(profile.medianRecencyDays)}</td>
              <td className="numeric">{format.number(profile.medianFrequency, 1)}</td>
              <td className="numeric">{format.money(profile.medianMonetaryCents)}</td>
            </tr>
          ))}
        </AnalyticsTable>
      </section>
      <section className="card analytics-section" aria-labelledby="clusters-silhouette">
        <h2 id="clusters-silhouette">{t('analytics.clusters.silhouetteTitle')}</h2>
        <p className="muted">
          {t('analytics.clusters.silhouetteHint', { k })} {t('analytics.clusters.silhouetteClick', { k })}
        </p>
        <Chart
          option={silhouette}
          label={t('analytics.clusters.silhouetteLabel', { k })}
          // Whichever bar: there are no customers behind one K but the clustered ones (decision 54).
          onItemClick={() => openList(clusteredFilters(profiles), BY_CLUSTER)}
        />
        <ChartData
          headers={[t('analytics.clusters.kAxis'), t('analytics.clusters.silhouetteAxis')]}
          rows={sweep.map((point) => [
            point.k === k ? t('analytics.clusters.kChosen', { k: point.k }) : String(point.k),
            format.number(point.silhouette, 3),
          ])}
        />
      </section>
    </>
  );
}

/** K-means clusters of the customers with orders, in the model's own (log) space. */
export function ClustersPage() {
  const t = useT();
  return (
    <AnalyticsPage title={t('nav.clusters')}>
      {(run, format) =>
        run.clusters.ok ? (
          <ClusterFiguresView clusters={run.clusters} format={format} />
        ) : (
          <Refusal title={t('analytics.clusters.refusedTitle')} model="clusters" refusal={run.clusters} />
        )
      }
    </AnalyticsPage>
  );
}
