import type { Delimiter, TextEncoding } from '../../../src-shared/contract';

/** One record of an import file: where it starts (1-based physical line) and its cells as read. */
export interface SourceRow {
  line: number;
  cells: string[];
}

export interface CsvReadSettings {
  encoding: TextEncoding;
  delimiter: Delimiter;
  /** 1-based record number of the header; 0 = no header (columns are numbered). */
  headerRow: number;
}

/** Hooks a long read reports to and is stopped by (a worker job passes its own). */
export interface ReadHooks {
  /** Bytes of the file consumed so far. */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /** Throws (CANCELLED) when the owner pressed Cancel; called between records. */
  checkCancelled?(): void;
}

/** A file read as a table: the header cells and the data rows after it, streamed. */
export interface SourceTable {
  format: 'csv' | 'vcard';
  headers: string[];
  rows: AsyncIterable<SourceRow>;
  /** Releases the file when the rows are not read to the end (a refused mapping). */
  close?(): void;
}
