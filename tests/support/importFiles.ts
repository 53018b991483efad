import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { AppError } from '../../src-main/core/errors';
import { openCsvTable } from '../../src-main/imports/read/csvTable';
import type { CsvReadSettings, SourceRow } from '../../src-main/imports/read/types';
import { tempDir } from './tempBackend';

/** A real file on disk, as the owner's export would be; removed when the test finishes. */
export function importFixture(content: string | Uint8Array, name = 'import.csv'): string {
  const file = join(tempDir('solocrm-import-'), name);
  writeFileSync(file, content);
  return file;
}

/** Reads the whole table (UTF-8, comma, header on row 1 unless told otherwise). */
export async function readTable(
  file: string,
  settings: Partial<CsvReadSettings> = {},
): Promise<{ headers: string[]; rows: SourceRow[] }> {
  const table = await openCsvTable(file, { encoding: 'utf-8', delimiter: ',', headerRow: 1, ...settings });
  const rows: SourceRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { headers: table.headers, rows };
}

/** The file-level issue an AppError carries: what the owner is shown. */
export function fileIssue(error: unknown) {
  expect(error).toBeInstanceOf(AppError);
  const issue = (error as AppError).issues?.[0];
  expect(issue?.path).toBe('file');
  return issue!;
}

/** The refusal reading the file ends in (fails the test when the file reads fine). */
export async function readRefusal(file: string, settings: Partial<CsvReadSettings> = {}) {
  return fileIssue(
    await readTable(file, settings).then(
      () => null,
      (error: unknown) => error,
    ),
  );
}
