import { createReadStream, statSync } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { CsvError, Parser, type Info, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { Delimiter } from '../../../src-shared/contract';
import { AppError } from '../../core/errors';
import { decoderStream } from './encoding';
import type { CsvReadSettings, ReadHooks, SourceRow, SourceTable } from './types';

/** One record may hold this many characters: a long note fits, a runaway quote does not. */
export const MAX_RECORD_MB = 1;
const MAX_RECORD_CHARS = MAX_RECORD_MB * 1024 * 1024;
/** onProgress is called at most once per this many bytes read. */
const PROGRESS_STEP_BYTES = 64 * 1024;

/** A streamed table whose reading can be abandoned before its rows are consumed (frees the file). */
export type CsvTable = SourceTable & { close(): void };

/**
 * Every CR LF and lone CR becomes LF before parsing. csv-parse settles on the first line ending
 * it sees (so a CR-only line later in a CRLF file would end up inside a cell) and counts CR LF
 * inside quoted cells as two lines; with one ending left both are right. Quoted multi-line cells
 * come out with `\n`, which is also what SoloCRM stores.
 */
function lineBreakNormalizer(): Transform {
  let pendingCr = false;
  return new Transform({
    decodeStrings: false,
    transform(chunk: string, _encoding, done) {
      let text = pendingCr ? `\r${chunk}` : chunk;
      // A CR at the end of a chunk may be the first half of a CR LF split across chunks.
      pendingCr = text.endsWith('\r');
      if (pendingCr) text = text.slice(0, -1);
      if (text) this.push(text.replace(/\r\n?/g, '\n'));
      done();
    },
    flush(done) {
      if (pendingCr) this.push('\n');
      done();
    },
  });
}

const normalizeLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

/** Header cells as shown and matched: without a byte-order mark and surrounding blanks. */
export function toHeaders(cells: string[]): string[] {
  return cells.map((cell) => cell.replace(/^\uFEFF/, '').trim());
}

const QUOTE_ERRORS = new Set([
  'CSV_QUOTE_NOT_CLOSED',
  'INVALID_OPENING_QUOTE',
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
]);

const FIX_QUOTES =
  'Fix the quote in a text editor, or open the file in Excel and save it as CSV (UTF-8) again.';

/**
 * Gives each record the physical line it starts on, and each structural error the line its
 * record starts on. csv-parse reports the line a record ends on: a record starts that many
 * lines earlier as its cells hold line breaks; a broken record starts after the last good
 * record and the blank lines skipped since.
 */
function lineTracker() {
  let lastEndLine = 0;
  let lastEmptyLines = 0;
  return {
    onRecord(cells: string[], info: Pick<Info, 'lines' | 'empty_lines'>): SourceRow {
      let breaks = 0;
      for (const cell of cells) {
        for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) breaks++;
      }
      lastEndLine = info.lines;
      lastEmptyLines = info.empty_lines;
      return { line: info.lines - breaks, cells };
    },
    /** The AppError a csv-parse error means for the owner; other errors are returned as they are. */
    toAppError(error: unknown): unknown {
      if (!(error instanceof CsvError)) return error;
      const emptyLines = typeof error.empty_lines === 'number' ? error.empty_lines : lastEmptyLines;
      const line = lastEndLine + 1 + (emptyLines - lastEmptyLines);
      if (error.code === 'CSV_MAX_RECORD_SIZE') {
        const message =
          `The record starting on line ${line} is longer than ${MAX_RECORD_MB} MB. Usually a quote (") ` +
          `opened there is never closed. ${FIX_QUOTES}`;
        return new AppError('VALIDATION', message, [
          { path: 'file', code: 'file_record_too_large', message, params: { line, max: MAX_RECORD_MB } },
        ]);
      }
      if (!QUOTE_ERRORS.has(error.code)) return error;
      const column = typeof error.column === 'number' ? error.column + 1 : null;
      const where = column === null ? `line ${line}` : `line ${line}, column ${column}`;
      const message =
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? `A quote (") opened on ${where} is never closed, so the rest of the file would run into one cell. ${FIX_QUOTES}`
          : `A quote (") on ${where} is in the middle of a cell instead of around it. ${FIX_QUOTES}`;
      return new AppError('VALIDATION', message, [
        {
          path: 'file',
          code: 'file_quote',
          message,
          params: column === null ? { line } : { line, column },
        },
      ]);
    },
  };
}

/**
 * Options both readers share. Ragged rows are kept with their own lengths (the planner reports
 * them per row); blank lines are skipped (they still count for line numbers).
 */
const parserOptions = (delimiter: Delimiter) =>
  ({
    delimiter,
    record_delimiter: '\n',
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
  }) satisfies Options;

type Tracker = ReturnType<typeof lineTracker>;

/**
 * csv-parse's `on_record` and `info` build a fresh info object per record, which costs about a
 * quarter of the parse time of a large file. Records are pushed synchronously while the parser's
 * own (live) `info` still describes them, so numbering them in `push` gives the same lines free.
 * (Checked against csv-parse 7.0.3; the line-number tests in importCsvTable.test.ts catch a change.)
 */
class LineNumberedParser extends Parser {
  constructor(
    delimiter: Delimiter,
    private readonly tracker: Tracker,
  ) {
    super(parserOptions(delimiter));
  }

  override push(record: string[] | null): boolean {
    return super.push(record === null ? null : this.tracker.onRecord(record, this.info));
  }
}

/**
 * Streams a CSV file: bytes → text in the chosen encoding → records. The header is read before
 * the table is returned; `rows` then yields the data rows one by one with the line each starts
 * on and its cells as written (not trimmed). A broken quote or an oversized record fails the
 * iteration with a VALIDATION error naming the line.
 */
export async function openCsvTable(
  file: string,
  settings: CsvReadSettings,
  hooks: ReadHooks = {},
): Promise<CsvTable> {
  const totalBytes = statSync(file).size;
  const tracker = lineTracker();
  const source = createReadStream(file, { highWaterMark: PROGRESS_STEP_BYTES });
  const decoder = decoderStream(settings.encoding);
  const normalizer = lineBreakNormalizer();
  const parser = new LineNumberedParser(settings.delimiter, tracker);
  // Errors of any stage reach the parser (pipeline destroys it with them) and so the iteration.
  pipeline(source, decoder, normalizer, parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<SourceRow>;
  const close = () => {
    for (const stream of [source, normalizer, parser]) stream.destroy();
    (decoder as Transform).destroy();
  };
  const next = async (): Promise<SourceRow | null> => {
    try {
      const result = await records.next();
      return result.done ? null : result.value;
    } catch (error) {
      close();
      throw tracker.toAppError(error);
    }
  };

  let firstRow: SourceRow | null = null;
  let headers: string[] = [];
  if (settings.headerRow === 0) {
    firstRow = await next();
    headers = firstRow ? firstRow.cells.map(() => '') : [];
  } else {
    // Records above the header (a title line, an export date) are not data.
    for (let record = 1; record <= settings.headerRow; record++) {
      const row = await next();
      if (!row) break;
      if (record === settings.headerRow) headers = toHeaders(row.cells);
    }
  }

  let reported = 0;
  const reportProgress = () => {
    if (source.bytesRead - reported < PROGRESS_STEP_BYTES) return;
    reported = source.bytesRead;
    hooks.onProgress?.(reported, totalBytes);
  };

  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      if (firstRow) yield firstRow;
      for (;;) {
        hooks.checkCancelled?.();
        reportProgress();
        const row = await next();
        if (!row) break;
        yield row;
      }
      hooks.onProgress?.(totalBytes, totalBytes);
    } finally {
      close();
    }
  }

  return { format: 'csv', headers, rows: rows(), close };
}

/**
 * Parses the decoded head of a file for the preview. The last record is dropped unless the head
 * ends with a line break or is the whole file (`atEndOfFile`): the head boundary may have cut
 * it. A broken quote ends the preview where it is (the dry run reports it with its line), so the
 * preview still shows the rows before it. `complete` is true when every record of the text was
 * returned.
 */
export function previewRecords(
  text: string,
  delimiter: Delimiter,
  maxRecords: number,
  atEndOfFile = false,
): { records: SourceRow[]; complete: boolean } {
  const tracker = lineTracker();
  const records: SourceRow[] = [];
  const normalized = normalizeLineBreaks(text.replace(/^\uFEFF/, ''));
  let complete = true;
  try {
    parseSync(normalized, {
      ...parserOptions(delimiter),
      on_record: (cells: string[], info) => {
        records.push(tracker.onRecord(cells, info));
        return null;
      },
      // One more than asked for tells whether there are more.
      to: maxRecords + 1,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { records: records.slice(0, maxRecords), complete: false };
  }
  if (records.length > maxRecords) return { records: records.slice(0, maxRecords), complete: false };
  if (!atEndOfFile && records.length > 0 && !normalized.endsWith('\n')) {
    records.pop();
    complete = false;
  }
  return { records, complete };
}
