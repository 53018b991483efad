import type { ImportKind, ImportSummary, ParsedInput, Settings } from '../../src-shared/contract';
import { BatchService } from '../batches/service';
import type { JobContext } from '../jobs/context';
import { DateOrderVotes, type CellContext } from './cells';
import { ColumnMap, MappedRow, RowRejected } from './columns';
import { ConversationImport } from './activity/conversationImport';
import { CustomerImport } from './customers/customerImport';
import { OrderImport } from './activity/orderImport';
import type { CustomFieldInfo } from './customers/customerDraft';
import type { KindImport, KindImportContext } from './kindImport';
import { sha256OfFile } from './fileHash';
import { ProblemLog } from './problemLog';
import type { SourceRow } from './read/types';
import { decideReading, openSourceTable } from './source';
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
  const { input, env } = job;
  const reading = decideReading(env.file, input);
  const table = await openSourceTable(env.file, reading, {
    onProgress: (done, total) => ctx.progress('reading', done, total),
    checkCancelled: () => ctx.checkCancelled(),
  });
  const customFields = loadCustomFields(ctx);
  const columns = new ColumnMap(table.headers, input.mapping, input.kind, new Set(customFields.keys()));
  const problems = new ProblemLog();
  const cells: CellContext = {
    dateOrder: input.options.dateOrder,
    region: env.region,
    problems,
    dates: new DateOrderVotes(),
  };
  const importer = createKindImport(input.kind, {
    sqlite: ctx.sqlite,
    options: input.options,
    settings: env.settings,
    region: env.region,
    cells,
    customFields,
    today: env.today,
  });

  let rows = 0;
  const waitingForDateOrder: MappedRow[] = [];
  const addRow = (row: MappedRow) => {
    try {
      importer.add(row);
    } catch (error) {
      const undecided =
        error instanceof RowRejected && error.code === 'ambiguous_date' && cells.dateOrder === 'auto';
      if (undecided) waitingForDateOrder.push(row);
      else problems.rejectFrom(row, error);
    }
  };
  for await (const sourceRow of table.rows) {
    rows++;
    const row = new MappedRow(columns, sourceRow);
    if (isRagged(sourceRow, table.headers.length)) problems.reject(sourceRow, row.problem('ragged', null));
    else addRow(row);
  }
  // `03/04/2024` rows are read the way the rest of the file settled; if it never did, the owner picks.
  const decided = cells.dates.decided();
  const ambiguousDates = waitingForDateOrder.length > 0 && decided === null;
  if (decided) cells.dateOrder = decided;
  for (const row of waitingForDateOrder) {
    if (decided) addRow(row);
    else problems.reject(row.row, row.problem('ambiguous_date', null));
  }
  importer.finish();
  const counts = importer.counts();
  const summary: ImportSummary = {
    dryRun: job.dryRun,
    counts: {
      rows,
      create: counts.create,
      update: counts.update,
      skip: counts.skip,
      reject: problems.rejected.length,
      warn: problems.warningCount,
    },
    rejected: problems.shownRejected(),
    warnings: problems.warnings,
    refunds: counts.refunds,
    customersCreated: counts.customersCreated,
    ambiguousDates,
    importId: null,
    batchId: null,
    ms: 0,
  };
  if (!job.dryRun) {
    ctx.checkCancelled();
    const sha256 = await sha256OfFile(env.file);
    const written = ctx.sqlite
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
              reading.format,
              env.fileName,
              sha256,
              reading.totalBytes,
              reading.encoding,
              JSON.stringify({
                headers: table.headers,
                mapping: input.mapping,
                options: input.options,
                delimiter: reading.delimiter,
                headerRow: reading.headerRow,
              }),
              rows,
              summary.counts.create,
              summary.counts.update,
              summary.counts.skip,
              summary.counts.reject,
              summary.counts.warn,
              batchId,
              now,
            ).lastInsertRowid,
        );
        const { createdTagIds } = importer.commit({
          now,
          batchId,
          importId,
          progress: (done, total) => ctx.progress('writing', done, total),
          checkCancelled: () => ctx.checkCancelled(),
        });
        batches.setUndo(batchId, { importId, tagIds: createdTagIds } satisfies ImportUndo);
        const saveReject = ctx.sqlite.prepare(
          'INSERT INTO import_rejects (import_id, line, code, column, cells) VALUES (?, ?, ?, ?, ?)',
        );
        for (const { problem, cells: rowCells } of problems.rejected) {
          saveReject.run(importId, problem.line, problem.code, problem.column, JSON.stringify(rowCells));
        }
        ctx.checkCancelled();
        return { importId, batchId };
      })
      .immediate();
    summary.importId = written.importId;
    summary.batchId = written.batchId;
  }
  summary.ms = Math.round(performance.now() - started);
  if (summary.importId !== null) {
    ctx.sqlite.prepare('UPDATE imports SET duration_ms = ? WHERE id = ?').run(summary.ms, summary.importId);
  }
  return summary;
}

function createKindImport(kind: ImportKind, context: KindImportContext): KindImport {
  switch (kind) {
    case 'customers':
      return new CustomerImport(context);
    case 'orders':
      return new OrderImport(context);
    case 'conversations':
      return new ConversationImport(context);
  }
}

/** Fewer cells than the header, or extra cells that hold something: the columns no longer line up. */
function isRagged(row: SourceRow, columns: number): boolean {
  if (row.cells.length < columns) return true;
  return row.cells.slice(columns).some((cell) => cell.trim() !== '');
}

function loadCustomFields(ctx: JobContext): Map<number, CustomFieldInfo> {
  const rows = ctx.sqlite
    .prepare('SELECT id, type, options FROM custom_fields WHERE deleted_at IS NULL')
    .all() as { id: number; type: CustomFieldInfo['type']; options: string }[];
  return new Map(
    rows.map((row) => [row.id, { id: row.id, type: row.type, options: JSON.parse(row.options) as string[] }]),
  );
}
