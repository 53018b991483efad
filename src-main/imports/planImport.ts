import type { ImportKind } from '../../src-shared/contract';
import type { JobContext } from '../jobs/context';
import { ConversationImport } from './activity/conversationImport';
import { OrderImport } from './activity/orderImport';
import { DateOrderVotes, type CellContext } from './cells';
import { ColumnMap, MappedRow, RowRejected } from './columns';
import { CustomerImport } from './customers/customerImport';
import type { CustomFieldInfo } from './customers/customerDraft';
import type { KindImport, KindImportContext } from './kindImport';
import { PhonePrimer } from './phonePrimer';
import { ProblemLog } from './problemLog';
import type { SourceRow } from './read/types';
import type { ImportJob } from './runImport';
import { decideReading, openSourceTable, type Reading } from './source';
import { AppError } from '../core/errors';

/** Everything a dry run reports and a commit writes, decided before anything is written. */
export interface ImportPlan {
  reading: Reading;
  headers: string[];
  importer: KindImport;
  problems: ProblemLog;
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** `auto` date order could not decide for some rows: the owner must pick. */
  ambiguousDates: boolean;
}

/** Reads the whole file through the mapping and plans every row; writes nothing. */
export async function planImport(ctx: JobContext, job: ImportJob): Promise<ImportPlan> {
  const { input, env } = job;
  const reading = decideReading(env.file, input);
  const table = await openSourceTable(env.file, reading, {
    onProgress: (done, total) => ctx.progress('reading', done, total),
    checkCancelled: () => ctx.checkCancelled(),
  });
  let primer: PhonePrimer | null = null;
  try {
    const customFields = loadCustomFields(ctx);
    const columns = new ColumnMap(table.headers, input.mapping, input.kind, new Set(customFields.keys()));
    primer = PhonePrimer.start(ctx, {
      file: env.file,
      reading,
      mapping: input.mapping,
      kind: input.kind,
      columns,
      customFieldIds: [...customFields.keys()],
      region: env.region,
    });
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
    /** Rows whose only problem is a `03/04/2024` date, with the column that holds it. */
    const waitingForDateOrder: { row: MappedRow; column: number | null }[] = [];
    // Every refusal goes through here, so the importer hears of it (an order drops a whole invoice).
    const rejectRow = (row: MappedRow, code: string, column: number | null) => {
      problems.reject(row.row, row.problem(code, column));
      importer.rowRejected?.(row);
    };
    const addRow = (row: MappedRow) => {
      try {
        importer.add(row);
      } catch (error) {
        if (!(error instanceof RowRejected)) throw error;
        if (error.code === 'ambiguous_date' && cells.dateOrder === 'auto') {
          waitingForDateOrder.push({ row, column: error.column });
        } else rejectRow(row, error.code, error.column);
      }
    };
    const dateTargets = dateTargetsOf(input.kind, customFields).filter((target) => columns.has(target));
    let rows = 0;
    for await (const sourceRow of table.rows) {
      // Excel leaves rows of empty cells (`,,,`) below the data: not rows of anything.
      if (sourceRow.cells.every((cell) => cell.trim() === '')) continue;
      rows++;
      primer?.reached(sourceRow.line);
      const row = new MappedRow(columns, sourceRow);
      // Every row's dates say which order the file writes them in, even a row rejected for
      // something else (`13/1/2010` settles `12/1/2010` as day-first).
      if (cells.dateOrder === 'auto') for (const target of dateTargets) cells.dates.note(row.text(target));
      if (reading.encoding === 'utf-8') refuseReplacementCharacters(sourceRow);
      if (isRagged(sourceRow, table.headers.length)) rejectRow(row, 'ragged', null);
      else addRow(row);
    }
    // `03/04/2024` rows are read the way the rest of the file settled; if it never did, the owner picks.
    const decided = cells.dates.decided();
    if (decided) cells.dateOrder = decided;
    for (const { row, column } of waitingForDateOrder) {
      if (decided) addRow(row);
      else rejectRow(row, 'ambiguous_date', column);
    }
    importer.finish();
    const voided = importer.voidedRows?.() ?? null;
    if (voided) await rejectVoidedRows(ctx, job, reading, columns, problems, voided);
    return {
      reading,
      headers: table.headers,
      importer,
      problems,
      rows,
      ambiguousDates: waitingForDateOrder.length > 0 && decided === null,
    };
  } finally {
    primer?.stop();
    table.close?.();
  }
}

/**
 * Rows the importer gave up on after reading them (the other lines of an invoice that had a bad
 * line) are refused too, with their cells: a second read of the file, only when there are any.
 */
async function rejectVoidedRows(
  ctx: JobContext,
  job: ImportJob,
  reading: Reading,
  columns: ColumnMap,
  problems: ProblemLog,
  voided: (row: MappedRow) => string | null,
): Promise<void> {
  const alreadyRejected = new Set(problems.rejected.map((rejected) => rejected.problem.line));
  const table = await openSourceTable(job.env.file, reading, { checkCancelled: () => ctx.checkCancelled() });
  try {
    for await (const sourceRow of table.rows) {
      if (alreadyRejected.has(sourceRow.line)) continue;
      const row = new MappedRow(columns, sourceRow);
      const target = voided(row);
      if (target !== null) problems.reject(sourceRow, row.problem('invoice_incomplete', row.column(target)));
    }
  } finally {
    table.close?.();
  }
}

/**
 * A file detected (or chosen) as UTF-8 whose later part is not: the decoder turned the bytes into
 * U+FFFD. Stop rather than store 张三 as ���, and say where.
 */
function refuseReplacementCharacters(row: SourceRow): void {
  if (!row.cells.some((cell) => cell.includes('\uFFFD'))) return;
  throw new AppError(
    'VALIDATION',
    `Line ${row.line} is not UTF-8 text; choose another encoding (GB18030?).`,
    [
      {
        path: 'file',
        code: 'file_encoding',
        message: 'Not UTF-8 from this line on',
        params: { line: row.line },
      },
    ],
  );
}

function dateTargetsOf(kind: ImportKind, customFields: Map<number, CustomFieldInfo>): string[] {
  if (kind === 'orders') return ['orderedAt'];
  if (kind === 'conversations') return ['occurredAt'];
  const customDates = [...customFields.values()].filter((field) => field.type === 'date');
  return ['birthday', ...customDates.map((field) => `custom:${field.id}`)];
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
