import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { ImportPreview, ParsedInput } from '../../src-shared/contract';
import { toIso } from '../core/clock';
import { stripFormulaGuard } from '../exports/formulaGuard';
import { sha256OfFile } from './fileHash';
import { normalizeHeader, suggestMapping } from './mapping/suggest';
import type { ImportTemplates } from './mapping/templates';
import { previewRecords, toHeaders } from './read/csvTable';
import { decodeText } from './read/encoding';
import { decideReading } from './source';
import type { StagedFile } from './staging';
import { readVcardTable } from './vcard/readVcard';

const PREVIEW_ROWS = 20;
const SAMPLES_PER_COLUMN = 3;

/**
 * The Reading and Mapping steps' data from the head of the file: cheap enough for the main
 * thread (256 KB decoded and parsed, the SHA-256 streamed in chunks).
 */
export async function previewImport(
  file: StagedFile,
  input: ParsedInput<'imports.preview'>,
  deps: { sqlite: Database.Database; templates: ImportTemplates },
): Promise<ImportPreview> {
  const reading = decideReading(file.path, input);
  let headers: string[];
  let rows: string[][];
  if (reading.format === 'vcard') {
    const table = readVcardTable(decodeText(readFileSync(file.path), reading.encoding));
    headers = table.headers;
    rows = table.rows.slice(0, PREVIEW_ROWS).map((row) => row.cells);
  } else {
    const { records } = previewRecords(
      reading.headText,
      reading.delimiter,
      reading.headerRow + PREVIEW_ROWS,
      reading.wholeFile,
    );
    const headerRecord = reading.headerRow > 0 ? records[reading.headerRow - 1] : undefined;
    const data = records.slice(reading.headerRow).map((record) => record.cells);
    const width = headerRecord?.cells.length ?? data[0]?.length ?? 0;
    // Our own exports guard a header like any cell (`'=…`): read it as the owner named it.
    headers = headerRecord
      ? toHeaders(headerRecord.cells).map(stripFormulaGuard)
      : Array<string>(width).fill('');
    rows = data;
  }
  const customFields = deps.sqlite
    .prepare('SELECT id, label AS name FROM custom_fields WHERE deleted_at IS NULL ORDER BY position')
    .all() as { id: number; name: string }[];
  const template = deps.templates.findFor(input.kind, headers);
  const mapping =
    template && template.mapping.length === headers.length
      ? template.mapping
      : suggestMapping(headers, input.kind, customFields);
  const sha256 = await sha256OfFile(file.path);
  const previous = deps.sqlite
    .prepare(
      `SELECT i.id, i.created_at AS at, b.undone_at IS NOT NULL AS undone FROM imports i
       JOIN change_batches b ON b.id = i.batch_id WHERE i.file_sha256 = ? ORDER BY i.id DESC LIMIT 1`,
    )
    .get(sha256) as { id: number; at: number; undone: number } | undefined;
  return {
    fileName: file.fileName,
    bytes: reading.totalBytes,
    sha256,
    format: reading.format,
    encoding: reading.encoding,
    encodingSource: reading.encodingSource,
    delimiter: reading.delimiter,
    headerRow: reading.headerRow,
    columns: headers.map((header, index) => ({
      index,
      header,
      samples: rows.slice(0, SAMPLES_PER_COLUMN).map((row) => row[index] ?? ''),
    })),
    rows,
    mapping,
    template: template ? { id: template.id, name: template.name } : null,
    headerProblems: headerProblems(headers, reading.headerRow > 0),
    previousImport: previous
      ? { importId: previous.id, at: toIso(previous.at), undone: previous.undone === 1 }
      : null,
  };
}

function headerProblems(headers: string[], hasHeader: boolean): ImportPreview['headerProblems'] {
  if (!hasHeader) return [];
  const seen = new Set<string>();
  const problems: ImportPreview['headerProblems'] = [];
  headers.forEach((header, column) => {
    const key = normalizeHeader(header);
    if (key === '') problems.push({ code: 'blank_header', column });
    else if (seen.has(key)) problems.push({ code: 'duplicate_header', column });
    seen.add(key);
  });
  return problems;
}
