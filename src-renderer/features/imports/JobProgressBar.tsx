import { useT } from '../../i18n/useI18n';
import type { JobProgress } from './runJob';

interface Props {
  /** What is running, e.g. "Checking 1,200 rows". */
  label: string;
  progress: JobProgress;
  /** Absent when the job cannot be stopped any more. */
  onCancel?: () => void;
}

/** A native <progress> (no inline styles under the CSP) with the phase in words and a Cancel button. */
export function JobProgressBar({ label, progress, onCancel }: Props) {
  const t = useT();
  const { phase, done, total } = progress;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="job-progress" role="group" aria-label={label}>
      <div className="job-progress-text">
        <span>{label}</span>
        <span className="muted">
          {[
            phase ? t(`jobs.phase.${phase}`) : null,
            percent === null ? t('jobs.phase.starting') : `${percent}%`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      {/* Without a value the bar is indeterminate: the job has not reported yet. */}
      <progress max={100} value={percent ?? undefined} aria-label={label} />
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </div>
  );
}
