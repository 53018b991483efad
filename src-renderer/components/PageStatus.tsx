import type { ApiError } from '../api';
import { describeError } from '../i18n/describe';
import { useT } from '../i18n/useI18n';

interface PageStatusProps {
  loading: boolean;
  error: ApiError | null;
  onRetry: () => void;
}

/** What a page shows before its first data arrives: a quiet loading line, or the error and a way out. */
export function PageStatus({ loading, error, onRetry }: PageStatusProps) {
  const t = useT();
  if (error && !loading) {
    return (
      <div className="page-status page-status-error" role="alert">
        <p>{describeError(t, error.code)}</p>
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  return (
    <p className="page-status" aria-busy="true">
      {t('app.loading')}
    </p>
  );
}
