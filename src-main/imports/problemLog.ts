import type { RowProblem } from '../../src-shared/contract';
import { PROBLEMS_SHOWN } from '../../src-shared/contract/importTerms';
import { RowRejected, type MappedRow } from './columns';
import type { SourceRow } from './read/types';

/** A rejected row with everything needed to store it and to write the "fix and re-import" file. */
export interface Rejected {
  problem: RowProblem;
  /**
   * The row's cells as the JSON text import_rejects stores. One flat string, not the parser's
   * cells: those are slices that keep whole 64 KB pieces of the file alive, and the Online Retail
   * file rejects 135,080 rows (~40 MB less held until the commit).
   */
  cellsJson: string;
}

/**
 * Rejected rows and warnings of one run. Every rejected row is kept (a commit stores them for the
 * download); a summary carries the first PROBLEMS_SHOWN of each and the counts.
 */
export class ProblemLog {
  readonly rejected: Rejected[] = [];
  readonly warnings: RowProblem[] = [];
  warningCount = 0;

  reject(row: SourceRow, problem: RowProblem): void {
    this.rejected.push({ problem, cellsJson: JSON.stringify(row.cells) });
  }

  /** Records a RowRejected thrown while reading `row`; rethrows anything else. */
  rejectFrom(row: MappedRow, error: unknown): void {
    if (!(error instanceof RowRejected)) throw error;
    this.reject(row.row, row.problem(error.code, error.column));
  }

  warn(problem: RowProblem): void {
    this.warningCount++;
    if (this.warnings.length < PROBLEMS_SHOWN) this.warnings.push(problem);
  }

  shownRejected(): RowProblem[] {
    return this.rejected
      .slice()
      .sort((a, b) => a.problem.line - b.problem.line)
      .slice(0, PROBLEMS_SHOWN)
      .map((rejected) => rejected.problem);
  }
}
