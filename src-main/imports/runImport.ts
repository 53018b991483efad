import type { ImportSummary, ParsedInput, Settings } from '../../src-shared/contract';
import { BatchService } from '../batches/service';
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
  const plan = await planImport(ctx, job);
  const counts = plan.importer.counts();
  const summary: ImportSummary = {
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
  if (!job.dryRun) {
    ctx.checkCancelled();
    const written = await commitPlan(ctx, job, plan, summary);
    summary.importId = written.importId;
    summary.batchId = written.batchId;
  }
  summary.ms = Math.round(performance.now() - started);
  if (summary.importId !== null) {
    ctx.sqlite.prepare('UPDATE imports SET duration_ms = ? WHERE id = ?').run(summary.ms, summary.importId);
  }
  return summary;
}

/** The import's row (for history and undo), its batch, the planned writes and the rejected rows: all or nothing. */
async function commitPlan(ctx: JobContext, job: ImportJob, plan: ImportPlan, summary: ImportSummary) {
  const { input, env } = job;
  const sha256 = await sha256OfFile(env.file);
  return ctx.sqlite
    .transaction(() => {
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
      });
      batches.setUndo(batchId, { importId, tagIds: createdTagIds } satisfies ImportUndo);
      saveRejects(ctx, importId, plan);
      ctx.checkCancelled();
      return { importId, batchId };
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
      .map(({ problem, cells }) => [problem.line, problem.code, problem.column, cells]);
    save.run(importId, JSON.stringify(chunk));
  }
}
