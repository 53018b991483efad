import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  IMPORT_KINDS,
  MAX_IMPORT_BYTES,
  TEXT_ENCODINGS,
  UPLOAD_CHUNK_BYTES,
  type ImportKind,
  type ImportPreview,
  type ImportSummary,
  type ImportTemplate,
  type RowProblem,
} from '../../src-shared/contract';
import type { Backend } from '../backend/createBackend';
import { AppError } from '../core/errors';
import { rejectReason } from '../imports/rejectReasons';
import { call, checkInput, numberFlag, UsageError, type CliAction, type CliIo } from './io';

export const IMPORT_HELP = `solocrm import <customers|orders|conversations> FILE [--dry-run] [--encoding auto|utf-8|gb18030|big5|utf-16le|utf-16be|windows-1252]
    [--delimiter ,|;|tab|pipe] [--header-row N] [--mapping auto|TEMPLATE] [--match email,phone,externalId]
    [--on-match skip|fill|overwrite|create] [--customer-by externalId,email,phone,name] [--create-customers]
    [--currency CODE] [--cancellations refund|skip] [--date-order auto|ymd|dmy|mdy] [--region CC] [--json]
solocrm import undo IMPORT_ID [--json]`;

const DELIMITER_WORDS: Record<string, string> = { tab: '\t', pipe: '|', comma: ',', semicolon: ';' };
const ENCODING_WORDS: Record<string, string> = {
  utf8: 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  utf16: 'utf-16le',
};
/** How many rejected rows the text output lists; --json has them all (up to the summary's cap). */
const REJECTS_PRINTED = 20;

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);

/** `solocrm import …`: the same dry run and commit as the wizard, with its summary printed. */
export function parseImportCommand(args: string[]): CliAction {
  if (args[0] === 'undo') return parseUndo(args.slice(1));
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      'dry-run': { type: 'boolean' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      'header-row': { type: 'string' },
      mapping: { type: 'string' },
      match: { type: 'string' },
      'on-match': { type: 'string' },
      'customer-by': { type: 'string' },
      'create-customers': { type: 'boolean' },
      currency: { type: 'string' },
      cancellations: { type: 'string' },
      'date-order': { type: 'string' },
      region: { type: 'string' },
    },
  });
  const [kind, file, ...extra] = positionals;
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`Say what to import: customers, orders or conversations.\n${IMPORT_HELP}`);
  }
  if (!file) throw new UsageError(`Name the file to import.\n${IMPORT_HELP}`);
  if (extra.length > 0) throw new UsageError(`Unexpected "${extra[0]}".\n${IMPORT_HELP}`);
  const encodingWord = values.encoding?.toLowerCase();
  const encoding =
    encodingWord === undefined || encodingWord === 'auto'
      ? undefined
      : (ENCODING_WORDS[encodingWord] ?? encodingWord);
  if (encoding !== undefined && !(TEXT_ENCODINGS as readonly string[]).includes(encoding)) {
    throw new UsageError(
      `--encoding must be auto or one of ${TEXT_ENCODINGS.join(', ')}, not "${values.encoding}".`,
    );
  }
  const delimiter =
    values.delimiter === undefined ? undefined : (DELIMITER_WORDS[values.delimiter] ?? values.delimiter);
  const reading = Object.fromEntries(
    Object.entries({ encoding, delimiter, headerRow: numberFlag(values['header-row']) }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  const options = Object.fromEntries(
    Object.entries({
      matchBy: list(values.match),
      onMatch: values['on-match'],
      customerBy: list(values['customer-by']),
      createMissingCustomers: values['create-customers'],
      currency: values.currency?.toUpperCase(),
      cancellations: values.cancellations,
      dateOrder: values['date-order'],
      region: values.region?.toUpperCase(),
    }).filter(([, v]) => v !== undefined),
  );
  // The contract's own checks, before any database is opened (unknown choices name the flag).
  const placeholder = { jobId: randomUUID(), fileId: randomUUID(), kind, mapping: [] };
  checkInput('imports.dryRun', { ...placeholder, ...reading, options }, (path) => flagOf(path));
  const mappingName = values.mapping && values.mapping !== 'auto' ? values.mapping : null;

  return async (backend, io, json) => {
    const path = resolve(file);
    const size = checkImportFile(path);
    const fileId = await uploadFile(backend, path, size, basename(path));
    const preview = await call<ImportPreview>(backend, 'imports.preview', { fileId, kind, ...reading });
    const mapping = mappingName
      ? await templateMapping(backend, kind as ImportKind, mappingName, preview)
      : preview.mapping;
    const summary = await call<ImportSummary>(
      backend,
      values['dry-run'] ? 'imports.dryRun' : 'imports.commit',
      {
        jobId: randomUUID(),
        fileId,
        kind,
        encoding: preview.encoding,
        delimiter: preview.delimiter,
        headerRow: preview.headerRow,
        mapping,
        options,
      },
    );
    printSummary(io, json, summary, preview);
  };
}

function flagOf(path: string): string {
  const flags: Record<string, string> = {
    encoding: 'encoding',
    delimiter: 'delimiter',
    headerRow: 'header-row',
    'options.matchBy': 'match',
    'options.onMatch': 'on-match',
    'options.customerBy': 'customer-by',
    'options.currency': 'currency',
    'options.cancellations': 'cancellations',
    'options.dateOrder': 'date-order',
    'options.region': 'region',
  };
  const key = Object.keys(flags).find((prefix) => path === prefix || path.startsWith(`${prefix}.`));
  return key ? flags[key]! : path;
}

/** The file's size, once it is known to be a file within the import limit. */
function checkImportFile(path: string): number {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory())
      throw new AppError('VALIDATION', `${path} is a folder; name the file to import.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('NOT_FOUND', `There is no file at ${path}.`);
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new AppError('VALIDATION', `${path} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  return size;
}

/**
 * The same chunked upload the UI uses, so the CLI imports exactly as the wizard does; read a
 * chunk at a time, as the wizard reads its File, so a 100 MB file never sits whole in memory
 * beside the import's worker.
 */
async function uploadFile(backend: Backend, path: string, size: number, fileName: string): Promise<string> {
  const fileId = randomUUID();
  const chunk = Buffer.alloc(UPLOAD_CHUNK_BYTES);
  const fd = openSync(path, 'r');
  try {
    let offset = 0;
    do {
      const length = readSync(fd, chunk, 0, UPLOAD_CHUNK_BYTES, offset);
      const data = chunk.subarray(0, length).toString('base64');
      await call(backend, 'imports.upload', { fileId, fileName, offset, data });
      offset += length;
      if (length === 0) break;
    } while (offset < size);
  } finally {
    closeSync(fd);
  }
  return fileId;
}

async function templateMapping(backend: Backend, kind: ImportKind, name: string, preview: ImportPreview) {
  const templates = await call<ImportTemplate[]>(backend, 'importTemplates.list', { kind });
  const template = templates.find((candidate) => candidate.name === name);
  if (!template) {
    throw new AppError('NOT_FOUND', `There is no ${kind} mapping template named "${name}".`);
  }
  if (template.mapping.length !== preview.columns.length) {
    throw new AppError(
      'VALIDATION',
      `The template "${name}" maps ${template.mapping.length} columns; the file has ${preview.columns.length}.`,
    );
  }
  return template.mapping;
}

function printSummary(io: CliIo, json: boolean, summary: ImportSummary, preview: ImportPreview) {
  const withReason = (problems: RowProblem[]) =>
    problems.map((problem) => ({ ...problem, reason: rejectReason(problem.code, problem.column, 'en') }));
  if (json) {
    const output = { encoding: preview.encoding, delimiter: preview.delimiter, ...summary };
    io.stdout(JSON.stringify({ ...output, rejected: withReason(summary.rejected) }, null, 2));
    return;
  }
  const { counts } = summary;
  const verb = summary.dryRun ? 'Would create' : 'Created';
  io.stdout(
    `${summary.dryRun ? 'Dry run: nothing was written.\n' : ''}Read ${counts.rows} rows (${preview.encoding}).\n` +
      `${verb} ${counts.create}, ${summary.dryRun ? 'would update' : 'updated'} ${counts.update}, skipped ${counts.skip}, rejected ${counts.reject}` +
      (counts.warn ? `, ${counts.warn} warnings` : '') +
      '.' +
      (summary.importId !== null
        ? `\nImport ${summary.importId} (undo: solocrm import undo ${summary.importId}).`
        : '') +
      (summary.ambiguousDates
        ? '\nSome dates read either way (03/04/2024): choose --date-order dmy or mdy.'
        : ''),
  );
  for (const problem of withReason(summary.rejected.slice(0, REJECTS_PRINTED))) {
    // Header text comes from the file: no terminal escape sequences from it reach the screen.
    io.stdout(`  line ${problem.line}: ${withoutControlCharacters(problem.reason)}`);
  }
  if (counts.reject > REJECTS_PRINTED)
    io.stdout(`  … and ${counts.reject - REJECTS_PRINTED} more (see --json).`);
}

/** C0 and C1 control characters (escape sequences among them) become `?`. */
const withoutControlCharacters = (text: string) =>
  [...text].map((char) => (/\p{Cc}/u.test(char) ? '?' : char)).join('');

function parseUndo(args: string[]): CliAction {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} });
  const importId = numberFlag(positionals[0]);
  if (typeof importId !== 'number' || positionals.length !== 1) {
    throw new UsageError(`Name the import to undo by its number.\n${IMPORT_HELP}`);
  }
  return async (backend, io, json) => {
    const result = await call<{ restored: number; kept: number }>(backend, 'imports.undo', { importId });
    if (json) io.stdout(JSON.stringify(result, null, 2));
    else
      io.stdout(
        `Undid import ${importId}: ${result.restored} rows removed or put back` +
          (result.kept ? `, ${result.kept} kept because they were changed after the import.` : '.'),
      );
  };
}
