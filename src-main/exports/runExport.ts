import type { z } from 'zod';
import type { DownloadFile, exportInput } from '../../src-shared/contract';
import { AppError } from '../core/errors';
import { writeVcards } from '../imports/vcard/writeVcard';
import type { JobContext } from '../jobs/context';
import { csvLine, encodeCsv } from './csvWriter';
import {
  conversationColumns,
  customerColumns,
  headerCells,
  localDate,
  orderColumns,
  rowCells,
  type ExportColumn,
  type HeaderLanguage,
} from './exportColumns';
import {
  contactColumnCounts,
  conversationRows,
  customerRows,
  liveCustomFields,
  orderRows,
  type RowSource,
} from './exportRows';
import { scopeCondition, type ScopeCondition } from './exportScope';

export type ExportJobInput = z.output<typeof exportInput>;

export interface ExportEnv {
  /** The owner's language: the header row is written in it. */
  language: 'zh-CN' | 'en';
}

/** Rows between progress reports and cancel checks. */
const PROGRESS_EVERY = 1_000;

/**
 * Writes customers, orders or conversations as CSV (or customers as vCard) into memory and hands
 * the file back for the UI to offer as a download. Runs in the job worker on its own connection.
 */
export function runExport(ctx: JobContext, input: ExportJobInput, env: ExportEnv): DownloadFile {
  refuseMismatches(input);
  const language: HeaderLanguage = env.language === 'zh-CN' ? 'zh' : 'en';
  // One read transaction: the count, the column widths and the rows see the same snapshot while
  // the app keeps writing on its own connection.
  return ctx.sqlite.transaction((): DownloadFile => {
    const scope = scopeCondition(ctx.sqlite, input.scope);
    const date = localDate(ctx.clock.now());
    if (input.format === 'vcard') {
      const { text, rows } = vcardText(ctx, scope, input.vcardVersion);
      // vCard is UTF-8 by definition (RFC 6350 §3.1): no BOM, whatever `encoding` says.
      const base64 = Buffer.from(text, 'utf8').toString('base64');
      return { fileName: `customers-${date}.vcf`, mime: 'text/vcard', base64, rows };
    }
    const { text, rows } = csvText(ctx, input, scope, language);
    return {
      fileName: `${input.kind}-${date}.csv`,
      mime: `text/csv;charset=${input.encoding}`,
      base64: encodeCsv(text, input.encoding).toString('base64'),
      rows,
    };
  })();
}

function refuseMismatches(input: ExportJobInput): void {
  if (input.format === 'vcard' && input.kind !== 'customers') {
    const message = `vCard holds contacts only; export ${input.kind} as CSV.`;
    throw new AppError('VALIDATION', message, [{ path: 'format', code: 'option', message }]);
  }
  if (input.columns && input.kind !== 'customers') {
    const message = `Columns can be chosen for customer exports only; ${input.kind} always have every column.`;
    throw new AppError('VALIDATION', message, [{ path: 'columns', code: 'invalid', message }]);
  }
}

function csvText(
  ctx: JobContext,
  input: ExportJobInput,
  scope: ScopeCondition,
  language: HeaderLanguage,
): { text: string; rows: number } {
  const { sqlite } = ctx;
  switch (input.kind) {
    case 'customers': {
      const columns = customerColumns({
        language,
        requested: input.columns,
        customFields: liveCustomFields(sqlite),
        contactCounts: contactColumnCounts(sqlite, scope),
      });
      return csvDocument(ctx, columns, customerRows(sqlite, scope));
    }
    case 'orders':
      return csvDocument(ctx, orderColumns(language), orderRows(sqlite, scope));
    case 'conversations':
      return csvDocument(ctx, conversationColumns(language), conversationRows(sqlite, scope));
  }
}

/** Every field a card has (chosen `columns` are a CSV matter); cards are written one at a time, like lines. */
function vcardText(
  ctx: JobContext,
  scope: ScopeCondition,
  version: ExportJobInput['vcardVersion'],
): { text: string; rows: number } {
  const cards: string[] = [];
  const rows = eachRow(ctx, customerRows(ctx.sqlite, scope), (row) =>
    cards.push(writeVcards([row], version)),
  );
  return { text: cards.join(''), rows };
}

/** Lines are collected and joined once at the end, not appended one by one to an ever longer string. */
function csvDocument<Row>(
  ctx: JobContext,
  columns: ExportColumn<Row>[],
  source: RowSource<Row>,
): { text: string; rows: number } {
  const lines = [csvLine(headerCells(columns))];
  const rows = eachRow(ctx, source, (row) => lines.push(csvLine(rowCells(columns, row))));
  return { text: lines.join(''), rows };
}

/** Walks the rows with progress and a cancel check every PROGRESS_EVERY rows; returns how many. */
function eachRow<Row>(ctx: JobContext, source: RowSource<Row>, each: (row: Row) => void): number {
  ctx.checkCancelled();
  ctx.progress('exporting', 0, source.total);
  let done = 0;
  for (const row of source.rows) {
    each(row);
    done++;
    if (done % PROGRESS_EVERY === 0) {
      ctx.checkCancelled();
      ctx.progress('exporting', done, source.total);
    }
  }
  ctx.progress('exporting', done, source.total);
  return done;
}
