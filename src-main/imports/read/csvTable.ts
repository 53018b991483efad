import { createReadStream, statSync } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import Papa from 'papaparse';
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
 * Every CR LF and lone CR becomes LF before parsing. Files mix them (a CR-only line pasted into
 * a CRLF file), and a parser set to one ending would put the others inside cells; with one
 * ending left, line numbers are a count of LFs. Quoted multi-line cells come out with `\n`,
 * which is also what SoloCRM stores.
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

const FIX_QUOTES =
  'Fix the quote in a text editor, or open the file in Excel and save it as CSV (UTF-8) again.';

function recordTooLarge(line: number): AppError {
  const message =
    `The record starting on line ${line} is longer than ${MAX_RECORD_MB} MB. Usually a quote (") ` +
    `opened there is never closed. ${FIX_QUOTES}`;
  return new AppError('VALIDATION', message, [
    { path: 'file', code: 'file_record_too_large', message, params: { line, max: MAX_RECORD_MB } },
  ]);
}

function quoteProblem(kind: 'unclosed' | 'misplaced', line: number, column: number): AppError {
  const where = `line ${line}, column ${column}`;
  const message =
    kind === 'unclosed'
      ? `A quote (") opened on ${where} is never closed, so the rest of the file would run into one cell. ${FIX_QUOTES}`
      : `A quote (") on ${where} is in the middle of a cell instead of around it. ${FIX_QUOTES}`;
  return new AppError('VALIDATION', message, [
    { path: 'file', code: 'file_quote', message, params: { line, column } },
  ]);
}

/**
 * The cell a quote error is in. papaparse names the record, not the cell: an unclosed quote ran
 * into the record's last cell; a misplaced closing quote left its quote in the cell it broke.
 */
function quoteColumn(cells: string[], unclosed: boolean): number {
  const withQuote = cells.findIndex((cell) => cell.includes('"'));
  return unclosed || withQuote === -1 ? cells.length : withQuote + 1;
}

/** What one piece of text gave: its complete records, and the problem that stopped it, if any. */
interface ReadPiece {
  rows: SourceRow[];
  problem: AppError | null;
}

const PARSER_CONFIG = { newline: '\n', quoteChar: '"' } as const;

/**
 * Records of LF-only text, numbered by the physical line each starts on: a record holds as many
 * lines as its cells hold line breaks, plus its own. Blank lines are skipped (still counted).
 * Text is fed in pieces; a record cut by a piece boundary waits for the next piece.
 *
 * papaparse's core parser reads about five times faster than csv-parse did (0.8 s against 4.2 s
 * for the 48 MB Online Retail file; decisions.md 36). It is fed here rather than through its own
 * streamer so that a runaway record is stopped at MAX_RECORD_CHARS instead of being re-read with
 * every later piece.
 */
class RecordReader {
  private pending = '';
  private nextLine = 1;

  constructor(private readonly delimiter: Delimiter) {}

  /** True while a record cut by the end of the last piece waits for more text. */
  get waiting(): boolean {
    return this.pending !== '';
  }

  /** The complete records of `text` (after what was pending); `last` says the text ends the file. */
  read(text: string, last: boolean): ReadPiece {
    const input = this.pending + text;
    const result = this.parse(input, last);
    const rows: SourceRow[] = [];
    const lines: number[] = [];
    for (const cells of result.data) {
      const line = this.nextLine;
      lines.push(line);
      this.nextLine += 1 + countLineBreaks(cells);
      // A blank line is one empty cell (`,,` is a row of empty cells, left to the planner).
      if (cells.length === 1 && cells[0] === '') continue;
      rows.push({ line, cells });
    }
    this.pending = last ? '' : input.slice(result.meta.cursor);
    // An error in the cut-off record at the end may be the cut's doing: it is judged with the
    // next piece, unless that record has already grown past the limit.
    const complete = result.errors.find((error) => (error.row ?? 0) < result.data.length);
    const inTail = result.errors.find((error) => (error.row ?? 0) >= result.data.length);
    const runaway = this.pending.length > MAX_RECORD_CHARS;
    const error = complete ?? (runaway ? inTail : undefined);
    if (error) {
      const row = error.row ?? 0;
      const cells = result.data[row] ?? this.parse(this.pending, true).data[0] ?? [];
      const unclosed = error.code === 'MissingQuotes';
      const problem = quoteProblem(
        unclosed ? 'unclosed' : 'misplaced',
        lines[row] ?? this.nextLine,
        quoteColumn(cells, unclosed),
      );
      return { rows: rows.slice(0, rowsBefore(rows, lines[row] ?? this.nextLine)), problem };
    }
    return { rows, problem: runaway ? recordTooLarge(this.nextLine) : null };
  }

  private parse(input: string, last: boolean): Papa.ParseResult<string[]> {
    const parser = new Papa.Parser({ ...PARSER_CONFIG, delimiter: this.delimiter });
    return parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
  }
}

/** How many of `rows` start before `line`. */
const rowsBefore = (rows: SourceRow[], line: number) => rows.filter((row) => row.line < line).length;

function countLineBreaks(cells: string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) breaks++;
  }
  return breaks;
}

/**
 * Streams a CSV file: bytes → text in the chosen encoding → records. The header is read before
 * the table is returned; `rows` then yields the data rows one by one with the line each starts
 * on and its cells as written (not trimmed). A broken quote or an oversized record fails the
 * iteration, after the rows before it, with a VALIDATION error naming the line.
 */
export async function openCsvTable(
  file: string,
  settings: CsvReadSettings,
  hooks: ReadHooks = {},
): Promise<CsvTable> {
  const totalBytes = statSync(file).size;
  const source = createReadStream(file, { highWaterMark: PROGRESS_STEP_BYTES });
  const decoder = decoderStream(settings.encoding);
  // Errors of any stage reach the last one (pipeline destroys it with them) and so the iteration.
  const text = pipeline(source, decoder, lineBreakNormalizer(), () => {});
  const pieces = text[Symbol.asyncIterator]() as AsyncIterator<string>;
  const reader = new RecordReader(settings.delimiter);
  const close = () => {
    source.destroy();
    (decoder as Transform).destroy();
    text.destroy();
  };

  let buffered: SourceRow[] = [];
  let index = 0;
  let stop: AppError | null = null;
  let ended = false;
  const next = async (): Promise<SourceRow | null> => {
    while (index >= buffered.length) {
      if (stop) {
        close();
        throw stop;
      }
      if (ended) return null;
      let piece: IteratorResult<string>;
      try {
        piece = await pieces.next();
      } catch (error) {
        close();
        throw error;
      }
      ended = piece.done === true;
      ({ rows: buffered, problem: stop } = reader.read(ended ? '' : piece.value, ended));
      index = 0;
    }
    return buffered[index++]!;
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
        // Rows already parsed are handed out without an await: a file of 541,909 rows paid a
        // promise and a turn of the microtask queue for each.
        const row = index < buffered.length ? buffered[index++]! : await next();
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
 * is the whole file (`atEndOfFile`): the head boundary may have cut it. A broken quote ends the
 * preview where it is (the dry run reports it with its line), so the preview still shows the rows
 * before it. `complete` is true when every record of the text was returned.
 */
export function previewRecords(
  text: string,
  delimiter: Delimiter,
  maxRecords: number,
  atEndOfFile = false,
): { records: SourceRow[]; complete: boolean } {
  const normalized = normalizeLineBreaks(text.replace(/^\uFEFF/, ''));
  const reader = new RecordReader(delimiter);
  const { rows, problem } = reader.read(normalized, atEndOfFile);
  return {
    records: rows.slice(0, maxRecords),
    complete: problem === null && !reader.waiting && rows.length <= maxRecords,
  };
}
