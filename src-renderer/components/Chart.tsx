import { useEffect, useRef, useState } from 'react';
import type { EChartsType } from 'echarts/core';
import { useI18n } from '../i18n/useI18n';
import type { ChartClick, ChartOption } from './chartOption';

type EchartsCore = typeof import('./echartsCore');

let echartsModule: Promise<EchartsCore> | null = null;
/** One download for the page's lifetime, started by the first chart that is shown. */
const loadEcharts = () => (echartsModule ??= import('./echartsCore'));

interface ChartProps {
  option: ChartOption;
  /** The text alternative: what the chart shows, in words (the table beside it carries the numbers). */
  label: string;
  /** A click on a bar, cell or point; charts without one ignore clicks. */
  onItemClick?: (click: ChartClick) => void;
  /** Sizes the chart from the stylesheet (`chart` is 300 px high unless a modifier says otherwise). */
  className?: string;
}

/**
 * An echarts canvas in a box: created when shown, disposed when gone, resized with its box, and
 * rebuilt when the UI language changes (echarts' own words — axis names of months, "no data" — follow
 * the locale it was created with). Options are replaced whole, so a builder's output is the whole truth.
 */
export function Chart({ option, label, onItemClick, className }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const locale = useI18n((s) => s.locale);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const [failed, setFailed] = useState(false);
  const clicked = useRef(onItemClick);
  useEffect(() => {
    clicked.current = onItemClick;
  });

  useEffect(() => {
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    let frame = 0;
    let gone = false;
    loadEcharts()
      .then(({ init }) => {
        const element = box.current;
        if (gone || !element) return;
        instance = init(element, null, { renderer: 'canvas', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
        instance.on('click', (params) => {
          clicked.current?.({ seriesIndex: params.seriesIndex ?? 0, dataIndex: params.dataIndex });
        });
        // Resizing inside the observer's callback can resize the box again ("ResizeObserver loop"):
        // wait for the next frame instead.
        observer = new ResizeObserver(() => {
          cancelAnimationFrame(frame);
          frame = requestAnimationFrame(() => instance?.resize());
        });
        observer.observe(element);
        setChart(instance);
      })
      .catch(() => {
        if (!gone) setFailed(true);
      });
    return () => {
      gone = true;
      cancelAnimationFrame(frame);
      observer?.disconnect();
      instance?.dispose();
      setChart(null);
    };
  }, [locale]);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  const t = useI18n((s) => s.t);
  return (
    <div className={className ? `chart ${className}` : 'chart'}>
      <div ref={box} className="chart-canvas" role="img" aria-label={label} />
      {failed ? <p className="chart-failed muted">{t('analytics.chart.failed')}</p> : null}
    </div>
  );
}
