import type { ImportSummary, RowProblem } from '../../../src-shared/contract';
import { useT } from '../../i18n/useI18n';
import { problemReason } from './importLabels';

interface Props {
  title: string;
  problems: RowProblem[];
  /** How many there are in all; only the first few hundred travel with a summary. */
  total: number;
  kind: 'reject' | 'warning';
}

/** Rejected rows or warnings: line, column, reason and the cell's value, all as plain text. */
export function ProblemTable({ title, problems, total, kind }: Props) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <section className="import-problems">
      <h3 className="import-subheading">{title}</h3>
      {total > problems.length ? (
        <p className="muted">{t('imports.problems.partial', { shown: problems.length, count: total })}</p>
      ) : null}
      <div className="import-table-scroll" tabIndex={0} role="region" aria-label={title}>
        <table className="import-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.problems.line')}</th>
              <th scope="col">{t('imports.problems.column')}</th>
              <th scope="col">{t('imports.problems.reason')}</th>
              <th scope="col">{t('imports.problems.value')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={`${problem.line}-${problem.code}-${index}`}>
                <td>{problem.line}</td>
                <td>{problem.column ?? t('table.emptyCell')}</td>
                <td>{problemReason(t, problem.code, kind)}</td>
                <td>{problem.value ?? t('table.emptyCell')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A dry run's or an import's refused rows, then its warnings; each table only when it has rows. */
export function RowProblems({ summary }: { summary: ImportSummary }) {
  const t = useT();
  return (
    <>
      <ProblemTable
        title={t('imports.check.rejected')}
        problems={summary.rejected}
        total={summary.counts.reject}
        kind="reject"
      />
      <ProblemTable
        title={t('imports.check.warnings')}
        problems={summary.warnings}
        total={summary.counts.warn}
        kind="warning"
      />
    </>
  );
}
