import type { ImportSummary, ParsedInput, Settings } from '../../src-shared/contract';
import { BatchService } from '../batches/service';
import { AppError } from '../core/errors';
import type { JobContext } from '../jobs/context';
import { sha256OfFile } from './fileHash';
import { planImport, type ImportPlan } from './planImport';
import type { ImportUndo } from './undoImport';

export const IMPORT_BATCH_KIND = 'import';

/** What the main thread tells an import job about the file and the owner's settings. */
export interface ImportJobEnv {
  file: string;
  fileName: string;
  settings: Settings;
  /** Settings' effective region, unless the owner chose one for this import. */
  region: string | null;
  /** Local today, `YYYY-MM-DD`. */
  today: string;
}

export interface ImportJob {
  type: 'import';
  dryRun: boolean;
  input: ParsedInput<'imports.dryRun'>;
  env: ImportJobEnv;
}

/**
 * One import, dry run or commit, in the worker: read and check every row first, then (commit)
 * write everything in one IMMEDIATE transaction. Cancel, a crash or any error before COMMIT
 * leaves the database exactly as it was.
 */
export async function runImport(ctx: JobContext, job: ImportJob): Promise<ImportSummary> {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    // The plan is read outside the write lock (reading a big file must not block the owner's
    // saves). If anyone wrote while it was made, it may be stale: plan again.
    const version = dataVersion(ctx);
    const plan = await planImport(ctx, job);
    const summary = summarize(job, plan);
    if (job.dryRun) return { ...summary, ms: Math.round(performance.now() - started) };
    // A header and no rows: nothing to import, and no empty entry in the history.
    if (plan.rows === 0) {
      throw new AppError('VALIDATION', 'The file has a header but no rows.', [
        { path: 'file', code: 'file_empty', message: 'The file has a header but no rows' },
      ]);
    }
    ctx.checkCancelled();
    const sha256 = await sha256OfFile(job.env.file);
    const written = commitPlan(ctx, job, plan, summary, {
      sha256,
      unchangedSince: () => dataVersion(ctx) === version,
      elapsed: () => Math.round(performance.now() - started),
    });
    if (written) return { ...summary, ...written };
    if (attempt === MAX_PLANS) {
      throw new AppError(
        'CONFLICT',
        'Customers kept changing while the file was being checked. Nothing was imported; try again.',
      );
    }
  }
}

const MAX_PLANS = 3;

/** Changes when another connection commits (SQLite's own counter, per connection). */
const dataVersion = (ctx: JobContext) => ctx.sqlite.pragma('data_version', { simple: true }) as number;

function summarize(job: ImportJob, plan: ImportPlan): ImportSummary {
  const counts = plan.importer.counts();
  return {
    dryRun: job.dryRun,
    counts: {
      rows: plan.rows,
      create: counts.create,
      update: counts.update,
      skip: counts.skip,
      reject: plan.problems.rejected.length,
      warn: plan.problems.warningCount,
    },
    rejected: plan.problems.shownRejected(),
    warnings: plan.problems.warnings,
    refunds: counts.refunds,
    customersCreated: counts.customersCreated,
    ambiguousDates: plan.ambiguousDates,
    importId: null,
    batchId: null,
    ms: 0,
  };
}

/** The import's row (for history and undo), its batch, the planned writes and the rejected rows: all or nothing. */
function commitPlan(
  ctx: JobContext,
  job: ImportJob,
  plan: ImportPlan,
  summary: ImportSummary,
  check: { sha256: string; unchangedSince: () => boolean; elapsed: () => number },
): { importId: number; batchId: number; ms: number } | null {
  const { input, env } = job;
  const { sha256 } = check;
  return ctx.sqlite
    .transaction(() => {
      // Under the write lock now: nobody can change anything from here to COMMIT.
      if (!check.unchangedSince()) return null;
      const now = ctx.clock.now();
      const batches = new BatchService(ctx.sqlite, ctx.clock);
      const batchId = batches.start(IMPORT_BATCH_KIND);
      const importId = Number(
        ctx.sqlite
          .prepare(
            `INSERT INTO imports (kind, format, file_name, file_sha256, file_bytes, encoding, settings, total_rows,
               created_count, updated_count, skipped_count, rejected_count, warning_count, batch_id, created_at, duration_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
          )
          .run(
            input.kind,
            plan.reading.format,
            env.fileName,
            sha256,
            plan.reading.totalBytes,
            plan.reading.encoding,
            JSON.stringify({
              headers: plan.headers,
              mapping: input.mapping,
              options: input.options,
              delimiter: plan.reading.delimiter,
              headerRow: plan.reading.headerRow,
            }),
            summary.counts.rows,
            summary.counts.create,
            summary.counts.update,
            summary.counts.skip,
            summary.counts.reject,
            summary.counts.warn,
            batchId,
            now,
          ).lastInsertRowid,
      );
      const { createdTagIds } = plan.importer.commit({
        now,
        batchId,
        importId,
        progress: (done, total) => ctx.progress('writing', done, total),
        checkCancelled: () => ctx.checkCancelled(),
        startHelper: ctx.startHelper,
      });
      batches.setUndo(batchId, { importId, tagIds: createdTagIds } satisfies ImportUndo);
      saveRejects(ctx, importId, plan);
      ctx.checkCancelled();
      const ms = check.elapsed();
      ctx.sqlite.prepare('UPDATE imports SET duration_ms = ? WHERE id = ?').run(ms, importId);
      return { importId, batchId, ms };
    })
    .immediate();
}

/** Rejected rows go in a thousand at a time (135,080 for the Online Retail file). */
function saveRejects(ctx: JobContext, importId: number, plan: ImportPlan): void {
  const save = ctx.sqlite.prepare(
    `INSERT INTO import_rejects (import_id, line, code, column, cells)
     SELECT ?, value ->> 0, value ->> 1, value ->> 2, value -> 3 FROM json_each(?)`,
  );
  const { rejected } = plan.problems;
  for (let start = 0; start < rejected.length; start += 1000) {
    const chunk = rejected
      .slice(start, start + 1000)
      .map(
        ({ problem, cellsJson }) =>
          `[${problem.line},${JSON.stringify(problem.code)},${JSON.stringify(problem.column)},${cellsJson}]`,
      );
    save.run(importId, `[${chunk.join(',')}]`);
  }
}
