import type { ApiError } from '../../api';
import { useT } from '../../i18n/useI18n';
import { describeImportError } from './importLabels';

/** A failed import or export call, in words, announced to screen readers; nothing when there is no error. */
export function ImportErrorAlert({ error }: { error: ApiError | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {describeImportError(t, error)}
    </p>
  );
}
