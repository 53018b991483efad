import { readFileSync } from 'node:fs';
import type { Delimiter, TextEncoding } from '../../src-shared/contract';
import { openCsvTable } from './read/csvTable';
import { sniffDelimiter } from './read/delimiter';
import { decodeText, detectEncoding } from './read/encoding';
import { checkTextFile, looksLikeVcard, readHead } from './read/sniff';
import type { ReadHooks, SourceRow, SourceTable } from './read/types';
import { readVcardTable } from './vcard/readVcard';

/** What the owner chose on the Reading step; anything omitted is detected. */
export interface ChosenReading {
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  headerRow?: number;
}

/** How a file will be read, decided from its first bytes and the owner's choices. */
export interface Reading {
  format: 'csv' | 'vcard';
  encoding: TextEncoding;
  encodingSource: 'bom' | 'utf8' | 'fallback' | 'chosen';
  delimiter: Delimiter;
  headerRow: number;
  /** The decoded head of the file (for the preview). */
  headText: string;
  /** The head is the whole file: its last line is complete even without a line break. */
  wholeFile: boolean;
  totalBytes: number;
}

/** Refuses what is not a text table (empty, binary, a workbook, too large), then settles encoding and delimiter. */
export function decideReading(file: string, chosen: ChosenReading): Reading {
  const { head, totalBytes } = readHead(file);
  checkTextFile(head, totalBytes);
  const detected = detectEncoding(head);
  const encoding = chosen.encoding ?? detected.encoding;
  const headText = decodeText(head, encoding);
  const format = looksLikeVcard(headText) ? 'vcard' : 'csv';
  return {
    format,
    encoding,
    encodingSource: chosen.encoding ? 'chosen' : detected.source,
    delimiter: chosen.delimiter ?? (format === 'csv' ? sniffDelimiter(headText) : ','),
    headerRow: format === 'vcard' ? 1 : (chosen.headerRow ?? 1),
    headText,
    wholeFile: head.length >= totalBytes,
    totalBytes,
  };
}

/** The whole file as a table: CSV streamed; a vCard file (small by nature) read at once. */
export async function openSourceTable(
  file: string,
  reading: Reading,
  hooks: ReadHooks,
): Promise<SourceTable> {
  if (reading.format === 'vcard') {
    const table = readVcardTable(decodeText(readFileSync(file), reading.encoding));
    return { format: 'vcard', headers: table.headers, rows: fromArray(table.rows) };
  }
  return openCsvTable(file, reading, hooks);
}

async function* fromArray(rows: SourceRow[]): AsyncIterable<SourceRow> {
  yield* rows;
}
