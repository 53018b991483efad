import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DateOrder } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { ImportErrorAlert } from './ImportErrorAlert';
import { JobProgressBar } from './JobProgressBar';
import { RowProblems } from './ProblemTable';
import { StepNav } from './StepNav';
import { SummaryCounts } from './SummaryCounts';
import { useImportStore } from './useImportStore';

/** The orders an ambiguous date column can be read in; `auto` has already failed to decide. */
const EXPLICIT_ORDERS: DateOrder[] = ['ymd', 'dmy', 'mdy'];

/** When `auto` cannot tell 03/04 from 04/03, the owner says how the file writes dates; the check runs again. */
function AmbiguousDates() {
  const t = useT();
  const questionId = useId();
  const { setOptions, check } = useImportStore(
    useShallow((s) => ({ setOptions: s.setOptions, check: s.check })),
  );
  return (
    <div className="import-warning" role="group" aria-labelledby={questionId}>
      <p id={questionId} className="import-question">
        {t('imports.check.ambiguousDates')}
      </p>
      <div className="import-choice-buttons">
        {EXPLICIT_ORDERS.map((order) => (
          <button
            key={order}
            type="button"
            className="button"
            onClick={() => {
              setOptions({ dateOrder: order });
              void check();
            }}
          >
            {t(`imports.dateOrder.${order}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Step 4: the dry run. Counts and every refused row with its line and reason, before anything is written. */
export function CheckStep() {
  const t = useT();
  const { kind, checked, job, error, commit, cancel, goTo } = useImportStore(
    useShallow((s) => ({
      kind: s.kind,
      checked: s.checked,
      job: s.job,
      error: s.error,
      commit: s.commit,
      cancel: s.cancel,
      goTo: s.goTo,
    })),
  );

  const importable = checked ? checked.counts.create + checked.counts.update : 0;
  return (
    <div className="import-step">
      {job ? (
        <JobProgressBar
          label={t(job.mode === 'dryRun' ? 'imports.check.running' : 'imports.commit.running')}
          progress={job.progress}
          onCancel={() => void cancel()}
        />
      ) : null}
      <ImportErrorAlert error={error} />

      {checked ? (
        <>
          <p role="status">{t('imports.check.done', { ms: checked.ms })}</p>
          <SummaryCounts summary={checked} kind={kind} />
          {checked.ambiguousDates ? <AmbiguousDates /> : null}
          <RowProblems summary={checked} />
        </>
      ) : null}

      <StepNav
        onBack={() => goTo('mapping')}
        backLabel={t('imports.check.back')}
        backDisabled={job !== null}
        next={
          checked
            ? {
                label: t(importable === 1 ? 'imports.check.import.one' : 'imports.check.import.other', {
                  count: importable,
                }),
                disabled: job !== null || importable === 0 || checked.ambiguousDates,
                onClick: () => void commit(),
              }
            : undefined
        }
      />
    </div>
  );
}
